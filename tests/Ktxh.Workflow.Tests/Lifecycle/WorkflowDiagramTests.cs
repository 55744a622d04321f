namespace Ktxh.Workflow.Tests.Lifecycle;

public class WorkflowDiagramTests
{
    [Fact]
    public void The_diagram_has_one_arrow_per_table_row()
    {
        foreach (WorkflowPolicy p in WorkflowFixture.Policies())
        {
            string mermaid = WorkflowDiagram.Mermaid(p);
            var machine = SubmissionLifecycle.Build(p);
            Assert.StartsWith("stateDiagram-v2\n    [*] --> NotStarted\n", mermaid, StringComparison.Ordinal);
            Assert.All(machine.Transitions, t => Assert.Contains($"    {t.Source} --> {t.Destination} : {t.Trigger}\n", mermaid, StringComparison.Ordinal));
            Assert.Equal(machine.Transitions.Count + 1 + 2, mermaid.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        }
    }

    [Fact]
    public void The_docs_page_shows_the_diagrams_generated_from_the_table()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Ktxh.Sdk.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.NotNull(dir);
        string path = Path.Combine(dir, "docs", "workflow.md");
        if (Environment.GetEnvironmentVariable("KTXH_UPDATE_DOCS") == "1")
        {
            // Regenerates the diagrams between the markers; the rest of the page is written by hand.
            string text = File.ReadAllText(path).ReplaceLineEndings("\n");
            int start = text.IndexOf("<!-- diagrams:begin -->\n", StringComparison.Ordinal) + "<!-- diagrams:begin -->\n".Length;
            int end = text.IndexOf("<!-- diagrams:end -->", StringComparison.Ordinal);
            File.WriteAllText(path, text[..start] + WorkflowDiagram.Markdown() + text[end..]);
        }

        string page = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Contains(WorkflowDiagram.Markdown(), page, StringComparison.Ordinal);
    }
}
