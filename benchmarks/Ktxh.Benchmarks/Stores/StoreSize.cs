using System.Diagnostics;
using Ktxh.Periods;
using Ktxh.Indicators;
using Ktxh.Workflow;
using Ktxh.Workflow.Sqlite;
using Microsoft.Data.Sqlite;

namespace Ktxh.Benchmarks.Stores;

/// <summary>
/// <c>store-size</c>: runs a cycle into a SQLite file and prints its size, the events per second, and the size of a
/// year of the national cycle extrapolated from the bytes per submission measured.
/// </summary>
/// <remarks>
/// <para>Run: <c>dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- store-size [--scope province|national]
/// [--forms N] [--flush]</c> (forms: 0 = every built-in form; default 1). The file is written with
/// <c>flushEachCommit: false</c> unless <c>--flush</c>; the size does not depend on it.</para>
/// <para>A year of the national cycle: every unit (3,321 communes and 34 provinces) gets every built-in form for every
/// period of the form's type in the year (12 for a monthly form, 4 quarterly, 1 yearly…), each submission going
/// through the 6 events of the whole lifecycle with one revision. Returns, rejections and reopenings add events;
/// the measured bytes per submission times the submissions of a year is the floor, not the ceiling.</para>
/// </remarks>
internal static class StoreSize
{
    public static int Run(string[] args)
    {
        string scope = Arg(args, "--scope") ?? "province";
        int forms = int.Parse(Arg(args, "--forms") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        bool flush = args.Contains("--flush");
        StoreCycle cycle = scope == "national" ? StoreCycle.National(forms) : StoreCycle.Province(forms);
        string folder = Path.Combine(Path.GetTempPath(), "ktxh-size-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "cycle.db");
        try
        {
            SqliteWorkflowStore store = SqliteWorkflowStore.Open(file, flushEachCommit: flush).Value;
            var watch = Stopwatch.StartNew();
            long events = cycle.Run(store);
            watch.Stop();
            SqliteConnection.ClearAllPools();
            using (var c = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                cmd.ExecuteNonQuery();
            }

            long bytes = new FileInfo(file).Length;
            double perSubmission = (double)bytes / cycle.Submissions;
            long yearSubmissions = NationalSubmissionsPerYear(2026);
            Console.WriteLine($"scope {scope}: {cycle.Forms.Count} forms × {cycle.Units.Count:N0} units = {cycle.Submissions:N0} submissions, {events:N0} events");
            Console.WriteLine($"time {watch.Elapsed.TotalSeconds:F1} s = {events / watch.Elapsed.TotalSeconds:N0} events/s (SQLite, flushEachCommit: {flush})");
            Console.WriteLine($"file {bytes:N0} bytes = {perSubmission:N0} bytes per submission, {(double)bytes / events:N0} bytes per event");
            Console.WriteLine($"national year 2026: {yearSubmissions:N0} submissions (3,355 units × every built-in form × its periods) ≈ {perSubmission * yearSubmissions / 1e9:F2} GB");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Submissions of a year of the national cycle: units × Σ over the built-in forms of the periods of
    /// the form's type in the year.</summary>
    public static long NationalSubmissionsPerYear(int year)
    {
        long periods = 0;
        foreach (ReportForm form in IndicatorCatalogue.BuiltIn.Forms)
        {
            if (form.PeriodType == PeriodType.MultiYear)
            {
                continue;
            }

            ReportingPeriod p = ReportingPeriod.Containing(new NodaTime.LocalDate(year, 1, 1), form.PeriodType);
            for (; p.Start.Year <= year; p = p.Next())
            {
                if (p.End.Year == year)
                {
                    periods++;
                }
            }
        }

        return periods * (3_321 + 34);
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
