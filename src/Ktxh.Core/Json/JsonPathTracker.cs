using System.Text;

namespace Ktxh;

/// <summary>Follows a reader's position as a JSON path (<c>$.indicators[3].unit</c>) and the names seen per object.</summary>
internal sealed class JsonPathTracker
{
    private readonly List<Frame> _frames = [];

    /// <summary>The path of the current position.</summary>
    public string Current
    {
        get
        {
            var sb = new StringBuilder("$");
            foreach (Frame f in _frames)
            {
                if (f.Names is not null)
                {
                    if (f.Property is { } p)
                    {
                        AppendName(sb, p);
                    }
                }
                else if (f.Index >= 0)
                {
                    sb.Append('[').Append(f.Index).Append(']');
                }
            }

            return sb.ToString();
        }
    }

    /// <summary>Called before any value: inside an array, the value takes the next index.</summary>
    public void BeforeValue()
    {
        if (_frames.Count > 0 && _frames[^1].Names is null)
        {
            _frames[^1].Index++;
        }
    }

    public void PushObject() => _frames.Add(new Frame { Names = new HashSet<string>(StringComparer.Ordinal) });

    public void PushArray() => _frames.Add(new Frame { Index = -1 });

    public void Pop()
    {
        if (_frames.Count > 0)
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    /// <summary>Records a property name of the current object; false when the object named it already.</summary>
    public bool SetProperty(string name)
    {
        Frame f = _frames[^1];
        f.Property = name;
        return f.Names!.Add(name);
    }

    private static void AppendName(StringBuilder sb, string name)
    {
        bool plain = name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsLetterOrDigit(c) || c == '_');
        if (plain)
        {
            sb.Append('.').Append(name);
        }
        else
        {
            sb.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
    }

    private sealed class Frame
    {
        public HashSet<string>? Names { get; init; }

        public string? Property { get; set; }

        public int Index { get; set; }
    }
}
