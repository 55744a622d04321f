using System.Globalization;
using DuckDB.NET.Data;
using Ktxh.Aggregation;

namespace Ktxh.Benchmarks.Aggregation;

/// <summary>
/// The commands of <c>Aggregation/whole-process.sh</c>: write the benchmark CSV, run the DuckDB job on it (read the CSV
/// → roll up → <c>COPY</c> to CSV, as one process to time and measure), and compare the two outputs.
/// </summary>
internal static class WholeProcess
{
    /// <summary><c>aggregate-data PROVINCES DIR</c>: writes DIR/values.csv, DIR/catalogue.json (the 62 indicators) and
    /// DIR/units.csv (commune,province of every commune).</summary>
    public static int Generate(string[] args)
    {
        int provinces = int.Parse(args[0], CultureInfo.InvariantCulture);
        string dir = args[1];
        Directory.CreateDirectory(dir);
        var data = new NationalData(provinces, 62);
        File.WriteAllBytes(Path.Combine(dir, "values.csv"), data.ToCsv());
        File.WriteAllText(Path.Combine(dir, "catalogue.json"), Ktxh.Indicators.IndicatorCatalogueJson.Write(data.Catalogue));
        File.WriteAllLines(Path.Combine(dir, "units.csv"), new[] { "commune,province" }.Concat(data.AllCommunes.Select(c => $"{c.Commune},{c.Province}")));
        Console.WriteLine($"{data.Inputs.Length:N0} values, {new FileInfo(Path.Combine(dir, "values.csv")).Length / 1048576.0:N1} MiB → {dir}/values.csv");
        return 0;
    }

    /// <summary><c>aggregate-duckdb VALUES UNITS OUT</c>: the DuckDB job, the peer of <c>ktxh aggregate</c>.</summary>
    public static int DuckDb(string[] args)
    {
        string values = args[0].Replace("'", "''", StringComparison.Ordinal);
        string units = args[1].Replace("'", "''", StringComparison.Ordinal);
        string output = args[2].Replace("'", "''", StringComparison.Ordinal);
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        Exec(duck, $"CREATE TABLE units AS SELECT * FROM read_csv('{units}', header = true, columns = {{'commune': 'VARCHAR', 'province': 'VARCHAR'}})");
        Exec(duck, "CREATE TABLE provinces AS SELECT province AS prov, count(*) AS expected FROM units GROUP BY province");
        Exec(duck, $$"""
            CREATE VIEW facts AS
            SELECT f.indicator AS ind, u.province AS prov, f.unit AS commune, CAST(substr(f.period, 7, 2) AS INTEGER) AS month, f.value,
                   CASE f.maturity WHEN 'estimate' THEN 1 WHEN 'preliminary' THEN 2 ELSE 3 END::TINYINT AS mat
            FROM read_csv('{{values}}', header = true,
                          columns = {'indicator': 'VARCHAR', 'unit': 'VARCHAR', 'period': 'VARCHAR', 'value': 'DECIMAL(18,3)', 'maturity': 'VARCHAR'}) f
            JOIN units u ON u.commune = f.unit
            """);
        Exec(duck, $"""
            COPY (
              SELECT ind AS indicator, coalesce(commune, prov, 'VN') AS unit, period, value, reported AS reported_units, expected AS expected_units,
                     CASE maturity WHEN 1 THEN 'estimate' WHEN 2 THEN 'preliminary' ELSE 'official' END AS maturity
              FROM ({FairDuckDbQuery.Rollup("facts", "provinces")})
            ) TO '{output}' (HEADER, DELIMITER ',')
            """);
        return 0;
    }

    /// <summary><c>aggregate-compare KTXH.csv DUCKDB.csv</c>: the same aggregates with a value (order aside)? Exit 0 if so.</summary>
    public static int Compare(string[] args)
    {
        Fingerprint a = Read(args[0]);
        Fingerprint b = Read(args[1]);
        Console.WriteLine($"{args[0]}: {a}\n{args[1]}: {b}\n{(a.Equals(b) ? "same aggregates" : "DIFFERENT")}");
        return a.Equals(b) ? 0 : 1;
    }

    private static Fingerprint Read(string path)
    {
        var f = new Fingerprint();
        using var reader = new StreamReader(path);
        string[] header = reader.ReadLine()!.Split(',');
        int ind = Array.IndexOf(header, "indicator"), unit = Array.IndexOf(header, "unit"), period = Array.IndexOf(header, "period"), value = Array.IndexOf(header, "value");
        int rep = Array.IndexOf(header, "reported_units"), exp = Array.IndexOf(header, "expected_units"), mat = Array.IndexOf(header, "maturity");
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            string[] x = line.Split(',');
            if (x[value].Length == 0)
            {
                continue;
            }

            AggregationCsv.TryMaturity(x[mat], out Ktxh.Indicators.Maturity m);
            f.Add(x[ind], x[unit], x[period], decimal.Parse(x[value], CultureInfo.InvariantCulture), int.Parse(x[rep], CultureInfo.InvariantCulture), int.Parse(x[exp], CultureInfo.InvariantCulture), (int)m);
        }

        return f;
    }

    private static void Exec(DuckDBConnection duck, string sql)
    {
        using DuckDBCommand cmd = duck.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
