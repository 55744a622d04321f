using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Workflow.Accounts;

namespace Ktxh.Workflow.Tests.Accounts;

/// <summary>Laws of the password rules (seed 002 Điều 16 khoản 6) as FsCheck properties.</summary>
public class PasswordPolicyProperties
{
    private const string Specials = "!@#$%^&*-_.~?/+=";

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property A_password_meeting_every_rule_for_its_owner_is_accepted(OwnedPassword p)
    {
        KtxhResult<PasswordCheck> result = PasswordPolicy.Default.Check(p.Password, p.Owner);
        return result.Success.Label(result.ToString())
            .Classify(p.Password.Length < 12, "8–11 characters")
            .Classify(p.Password.Length >= 16, "16+ characters")
            .Classify(p.Owner.PhoneNumber!.StartsWith('+'), "phone written +84");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property A_password_with_every_character_class_is_accepted_without_an_owner(RichPassword p)
    {
        KtxhResult<PasswordCheck> result = PasswordPolicy.Default.Check(p.Password);
        bool ok = result.Success
            && result.Value.UpperCase > 0 && result.Value.LowerCase > 0 && result.Value.Digits > 0 && result.Value.Special > 0
            && result.Value.Length >= 8;
        return ok.Label(result.ToString())
            .Classify(p.Decomposed, "typed decomposed (NFD)")
            .Classify(p.Password.Contains(' '), "has a space");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property Dropping_a_character_class_is_refused_with_exactly_that_rule_named(RichPassword p, CharacterClass dropped)
    {
        string mutated = dropped switch
        {
            CharacterClass.Upper => p.Password.ToLowerInvariant(),
            CharacterClass.Lower => p.Password.ToUpperInvariant(),
            CharacterClass.Digit => new string(p.Password.Select(c => char.IsAsciiDigit(c) ? 'x' : c).ToArray()),
            _ => new string(p.Password.Select(c => Specials.Contains(c) ? 'X' : c).ToArray()),
        };
        CredentialErrorCode expected = dropped switch
        {
            CharacterClass.Upper => CredentialErrorCode.MissingUpperCase,
            CharacterClass.Lower => CredentialErrorCode.MissingLowerCase,
            CharacterClass.Digit => CredentialErrorCode.MissingDigit,
            _ => CredentialErrorCode.MissingSpecialCharacter,
        };
        CredentialErrorCode[] codes = PasswordPolicyTests.Codes(PasswordPolicy.Default.Check(mutated));
        return (codes.Length == 1 && codes[0] == expected).Label($"{mutated}: {string.Join(", ", codes)}")
            .Collect(dropped);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property Adding_the_owners_name_is_refused_with_the_name_rule(OwnedPassword p, int where, byte variant)
    {
        string name = p.Owner.FullName!;
        string[] parts = VietnameseText.Fold(name).Split(' ');
        string[] written = name.Split(' ');

        // A single part is refused from 3 letters on ("Đỗ" alone is not; see PasswordPolicy): take the longest, or
        // the whole name joined when every part is short.
        int longest = Array.IndexOf(parts, parts.MaxBy(x => x.Length));
        bool longEnough = parts[longest].Length >= 3;
        (string word, string kind) = (variant % 5) switch
        {
            0 => (VietnameseText.Fold(name).Replace(" ", string.Empty, StringComparison.Ordinal), "whole name folded"),
            1 => (name, "whole name with diacritics and spaces"),
            2 => ((longEnough ? parts[longest] : string.Concat(parts)).ToUpperInvariant(), "a name part in capitals"),
            3 => (parts[^1] + parts[0], "given name then family name"),
            _ => (longEnough ? written[longest] : string.Concat(written), "a name part with diacritics"),
        };
        int at = (int)((uint)where % (uint)(p.Password.Length + 1));
        string mutated = p.Password.Insert(at, word);
        CredentialErrorCode[] codes = PasswordPolicyTests.Codes(PasswordPolicy.Default.Check(mutated, p.Owner));
        return codes.SequenceEqual([CredentialErrorCode.ContainsName]).Label($"{mutated}: {string.Join(", ", codes)}")
            .Collect(kind);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property Adding_the_owners_birth_date_or_phone_digits_is_refused_with_that_rule(OwnedPassword p, byte variant, int where)
    {
        var birth = p.Owner.BirthDate!.Value;
        string[] forms = PasswordPolicy.ForbiddenBirthDateForms(birth).ToArray();
        string separator = (variant / 8 % 4) switch { 0 => "", 1 => "/", 2 => "-", _ => "." };
        (string word, CredentialErrorCode expected, string kind) = (variant % 8) switch
        {
            0 => ($"{birth.Day:00}{separator}{birth.Month:00}{separator}{birth.Year:0000}", CredentialErrorCode.ContainsBirthDate, "dd/MM/yyyy"),
            1 => ($"{birth.Day:00}{separator}{birth.Month:00}", CredentialErrorCode.ContainsBirthDate, "dd/MM"),
            2 => ($"{birth.Year:0000}", CredentialErrorCode.ContainsBirthDate, "yyyy"),
            3 => (forms[variant % forms.Length], CredentialErrorCode.ContainsBirthDate, "listed form"),
            4 => (new string(p.Owner.PhoneNumber!.Where(char.IsAsciiDigit).ToArray()), CredentialErrorCode.ContainsPhoneNumber, "phone digits"),
            5 => (p.Owner.PhoneNumber!, CredentialErrorCode.ContainsPhoneNumber, "phone as written"),
            6 => (PasswordPolicy.ForbiddenPhoneDigits(p.Owner.PhoneNumber!)!, CredentialErrorCode.ContainsPhoneNumber, "last 6 phone digits"),
            _ => ("0" + new string(p.Owner.PhoneNumber!.Where(char.IsAsciiDigit).ToArray())[^9..], CredentialErrorCode.ContainsPhoneNumber, "phone with trunk 0"),
        };

        // Inserted between two letters or at an end, so the added digits do not run into the password's own digits.
        int[] gaps = Enumerable.Range(0, p.Password.Length + 1)
            .Where(i => (i == 0 || !char.IsAsciiDigit(p.Password[i - 1])) && (i == p.Password.Length || !char.IsAsciiDigit(p.Password[i])))
            .ToArray();
        int at = gaps[(int)((uint)where % (uint)gaps.Length)];
        string mutated = p.Password.Insert(at, word);
        CredentialErrorCode[] codes = PasswordPolicyTests.Codes(PasswordPolicy.Default.Check(mutated, p.Owner));
        return codes.Contains(expected).Label($"{mutated}: {string.Join(", ", codes)}")
            .Collect(kind);
    }
}
