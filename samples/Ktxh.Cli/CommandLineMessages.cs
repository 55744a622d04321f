using System.CommandLine;
using System.CommandLine.Parsing;

namespace Ktxh.Cli;

/// <summary>
/// The errors of a command line System.CommandLine could not parse, in the project's own words, in Vietnamese and
/// English: what was wrong (an unknown word, a missing option or argument, a value of the wrong kind) and where,
/// from the parse result's structure, never from System.CommandLine's English text or a .NET type name.
/// </summary>
internal static class CommandLineMessages
{
    /// <summary>One bilingual message per problem, without repeats.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        var messages = new List<string>();
        void Add(string message)
        {
            if (!messages.Contains(message))
            {
                messages.Add(message);
            }
        }

        foreach (string token in parsed.UnmatchedTokens)
        {
            string t = CliText.Shorten(token);
            Add($"không nhận ra '{t}' (không phải lệnh, tùy chọn hay tham số của lệnh này) / '{t}' is not recognised (not a command, option or argument of this command)");
        }

        foreach (ParseError error in parsed.Errors)
        {
            switch (error.SymbolResult)
            {
                // Our own validators already speak both languages.
                case var _ when error.Message.Contains(" / ", StringComparison.Ordinal):
                    Add(error.Message);
                    break;
                case OptionResult { IdentifierToken: null } option:
                    Add(MissingOption(option.Option, option.Parent as CommandResult));
                    break;
                case OptionResult option:
                    Add(Value(option.Option.Name, option.Option.ValueType, option.Tokens, option.Option.Arity.MaximumNumberOfValues));
                    break;
                case ArgumentResult argument when argument.Parent is OptionResult owner:
                    Add(Value(owner.Option.Name, owner.Option.ValueType, argument.Tokens, owner.Option.Arity.MaximumNumberOfValues));
                    break;
                case ArgumentResult { Tokens.Count: 0 } argument when argument.Parent is CommandResult command:
                    Add(MissingArgument(argument.Argument, command));
                    break;
                case ArgumentResult argument:
                    Add(Value($"<{argument.Argument.Name}>", argument.Argument.ValueType, argument.Tokens, argument.Argument.Arity.MaximumNumberOfValues));
                    break;
                case CommandResult command:
                    foreach (string message in Missing(command))
                    {
                        Add(message);
                    }

                    break;
            }
        }

        if (messages.Count == 0)
        {
            Add("dòng lệnh không đúng cách dùng của lệnh / the command line does not match the command's usage");
        }

        return messages;
    }

    /// <summary>A value that could not be read for an option or argument.</summary>
    private static string Value(string name, Type type, IReadOnlyList<Token> tokens, int maxValues)
    {
        if (tokens.Count == 0)
        {
            return $"{name} cần một giá trị / {name} needs a value";
        }

        if (tokens.Count > maxValues)
        {
            return maxValues == 1
                ? $"{name} chỉ nhận một giá trị (có {tokens.Count}) / {name} takes one value ({tokens.Count} given)"
                : $"{name} nhận nhiều nhất {maxValues} giá trị (có {tokens.Count}) / {name} takes at most {maxValues} values ({tokens.Count} given)";
        }

        string token = CliText.Shorten(string.Join(' ', tokens.Select(t => t.Value)));
        (string vi, string en) = Kind(type);
        return $"'{token}' không phải {vi} hợp lệ cho {name} / '{token}' is not a valid {en} for {name}";
    }

    /// <summary>What kind of value a type is, in words.</summary>
    private static (string Vi, string En) Kind(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        if (t.IsEnum)
        {
            string names = string.Join(", ", Enum.GetNames(t));
            return ($"giá trị (một trong: {names})", $"value (one of: {names})");
        }

        return t switch
        {
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => ("số nguyên", "whole number"),
            _ when t == typeof(decimal) || t == typeof(double) => ("số (dấu chấm thập phân, ví dụ 1234.5)", "number (decimal point, e.g. 1234.5)"),
            _ when t == typeof(bool) => ("giá trị đúng/sai (true hoặc false)", "true/false value"),
            _ when t == typeof(FileInfo) => ("đường dẫn tệp", "file path"),
            _ when t == typeof(DirectoryInfo) => ("đường dẫn thư mục", "folder path"),
            _ => ("giá trị", "value"),
        };
    }

    /// <summary>The required options, arguments and subcommands a command line leaves out.</summary>
    private static IEnumerable<string> Missing(CommandResult result)
    {
        Command command = result.Command;
        string name = CommandPath(result);
        foreach (Option option in command.Options.Where(o => o.Required))
        {
            if (result.GetResult(option) is not { IdentifierToken: not null })
            {
                yield return MissingOption(option, result);
            }
        }

        foreach (Argument argument in command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0))
        {
            if (result.GetResult(argument) is not { Tokens.Count: > 0 })
            {
                yield return MissingArgument(argument, result);
            }
        }

        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            string list = string.Join(", ", command.Subcommands.Select(c => c.Name));
            yield return $"hãy chọn một lệnh con của '{name}': {list} / choose a subcommand of '{name}': {list}";
        }
    }

    private static string MissingOption(Option option, CommandResult? command)
    {
        string name = command is null ? "ktxh" : CommandPath(command);
        return $"thiếu tùy chọn bắt buộc {option.Name} của lệnh '{name}' / the required option {option.Name} of '{name}' is missing";
    }

    private static string MissingArgument(Argument argument, CommandResult command)
    {
        string name = CommandPath(command);
        return $"thiếu tham số <{argument.Name}> của lệnh '{name}' / the argument <{argument.Name}> of '{name}' is missing";
    }

    // "ktxh workflow reject": the root's own name is the host's (a test host in tests), so "ktxh" is written instead.
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c && c.Parent is not null; r = r.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return string.Join(' ', ["ktxh", .. names]);
    }
}
