using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Ktxh.Indicators.MeasureUnits;

/// <summary>
/// What a unit measures, as a product of base dimensions raised to integer powers: mass is <c>MASS</c>, area is
/// <c>LENGTH^2</c>, a yield in tạ/ha is <c>MASS*LENGTH^-2</c>, pupils per teacher is <c>PUPIL*TEACHER^-1</c>,
/// a percentage is dimensionless. Two units convert into each other exactly when their dimensions are equal.
/// </summary>
/// <remarks>
/// A value type; <c>default(Dimension)</c> is <see cref="Dimensionless"/>. Factors are kept sorted by base code
/// so that equal products compare equal whatever the order they were built in. Immutable and thread-safe.
/// </remarks>
public readonly struct Dimension : IEquatable<Dimension>
{
    private readonly ImmutableArray<DimensionFactor> _factors;

    private Dimension(ImmutableArray<DimensionFactor> factors) => _factors = factors;

    /// <summary>The factors, sorted by base dimension code, no zero exponents.</summary>
    public ImmutableArray<DimensionFactor> Factors => _factors.IsDefault ? ImmutableArray<DimensionFactor>.Empty : _factors;

    /// <summary>True for pure numbers (percent, per mille, "lần", ratios of like counts).</summary>
    public bool IsDimensionless => Factors.IsEmpty;

    /// <summary>The dimension of pure numbers.</summary>
    public static Dimension Dimensionless => default;

    /// <summary>Mass (kg).</summary>
    public static Dimension Mass => Of(BaseDimension.Mass);

    /// <summary>Length (m).</summary>
    public static Dimension Length => Of(BaseDimension.Length);

    /// <summary>Area, length² (m²).</summary>
    public static Dimension Area => Of(BaseDimension.Length).Pow(2);

    /// <summary>Volume, length³ (m³).</summary>
    public static Dimension Volume => Of(BaseDimension.Length).Pow(3);

    /// <summary>Time (s).</summary>
    public static Dimension Time => Of(BaseDimension.Time);

    /// <summary>Energy, mass·length²·time⁻² (J; kWh = 3,600,000 J).</summary>
    public static Dimension Energy => Mass * Area / Time.Pow(2);

    /// <summary>Money in Vietnamese đồng.</summary>
    public static Dimension MoneyVnd => Of(BaseDimension.Vnd);

    /// <summary>Money in US dollars (a different dimension from VND: no exchange rates).</summary>
    public static Dimension MoneyUsd => Of(BaseDimension.Usd);

    /// <summary>A count of persons.</summary>
    public static Dimension Persons => Of(BaseDimension.Person);

    /// <summary>The dimension made of one base dimension.</summary>
    /// <param name="baseDimension">The base dimension.</param>
    /// <returns>The dimension <c>baseDimension^1</c>.</returns>
    public static Dimension Of(BaseDimension baseDimension)
    {
        ArgumentNullException.ThrowIfNull(baseDimension);
        return new Dimension(ImmutableArray.Create(new DimensionFactor(baseDimension, 1)));
    }

    /// <summary>The product of two dimensions (exponents add).</summary>
    /// <param name="other">The other factor.</param>
    /// <returns>The product.</returns>
    public Dimension Multiply(Dimension other) => Combine(this, other, 1);

    /// <summary>The quotient of two dimensions (exponents subtract).</summary>
    /// <param name="other">The divisor.</param>
    /// <returns>The quotient.</returns>
    public Dimension Divide(Dimension other) => Combine(this, other, -1);

    /// <summary>This dimension raised to an integer power.</summary>
    /// <param name="exponent">The power (0 gives <see cref="Dimensionless"/>).</param>
    /// <returns>The power.</returns>
    public Dimension Pow(int exponent)
    {
        if (exponent == 0)
        {
            return Dimensionless;
        }

        ImmutableArray<DimensionFactor>.Builder b = ImmutableArray.CreateBuilder<DimensionFactor>(Factors.Length);
        foreach (DimensionFactor f in Factors)
        {
            b.Add(new DimensionFactor(f.Base, checked(f.Exponent * exponent)));
        }

        return new Dimension(b.MoveToImmutable());
    }

    /// <summary>The reciprocal (all exponents negated).</summary>
    /// <returns>The reciprocal.</returns>
    public Dimension Reciprocal() => Pow(-1);

    /// <summary>The exponent of a base dimension in this product (0 when absent).</summary>
    /// <param name="baseDimension">The base dimension.</param>
    /// <returns>The exponent.</returns>
    public int ExponentOf(BaseDimension baseDimension)
    {
        foreach (DimensionFactor f in Factors)
        {
            if (f.Base == baseDimension)
            {
                return f.Exponent;
            }
        }

        return 0;
    }

    /// <summary>Product operator; named twin <see cref="Multiply"/>.</summary>
    /// <param name="left">The left factor.</param>
    /// <param name="right">The right factor.</param>
    /// <returns>The product.</returns>
    public static Dimension operator *(Dimension left, Dimension right) => left.Multiply(right);

    /// <summary>Quotient operator; named twin <see cref="Divide"/>.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient.</returns>
    public static Dimension operator /(Dimension left, Dimension right) => left.Divide(right);

    /// <summary>Equality: same base dimensions with the same exponents.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(Dimension left, Dimension right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(Dimension left, Dimension right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Dimension other)
    {
        ImmutableArray<DimensionFactor> a = Factors;
        ImmutableArray<DimensionFactor> b = other.Factors;
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].Exponent != b[i].Exponent || a[i].Base != b[i].Base)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Dimension d && Equals(d);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        HashCode h = default;
        foreach (DimensionFactor f in Factors)
        {
            h.Add(f.Base.Code, StringComparer.Ordinal);
            h.Add(f.Exponent);
        }

        return h.ToHashCode();
    }

    /// <summary>
    /// The canonical text: factors sorted by code joined by <c>*</c>, powers as <c>^n</c> (e.g. <c>LENGTH^-2*MASS</c>),
    /// or <c>1</c> when dimensionless. <see cref="MeasureUnitRegistryBuilder"/> reads this form back.
    /// </summary>
    /// <returns>The canonical text.</returns>
    public override string ToString() => IsDimensionless ? "1" : string.Join("*", Factors.Select(f => f.ToString()));

    /// <summary>A Vietnamese description, e.g. "khối lượng/diện tích" for a yield.</summary>
    public string NameVi => Describe(vietnamese: true);

    /// <summary>An English description, e.g. "mass/area" for a yield.</summary>
    public string NameEn => Describe(vietnamese: false);

    private string Describe(bool vietnamese)
    {
        if (IsDimensionless)
        {
            return vietnamese ? "không thứ nguyên" : "dimensionless";
        }

        if (Equals(Energy))
        {
            return vietnamese ? "năng lượng" : "energy";
        }

        string Part(IEnumerable<DimensionFactor> fs) => string.Join(" × ", fs.Select(f => FactorName(f.Base, Math.Abs(f.Exponent), vietnamese)));
        DimensionFactor[] num = Factors.Where(f => f.Exponent > 0).ToArray();
        DimensionFactor[] den = Factors.Where(f => f.Exponent < 0).ToArray();
        var sb = new StringBuilder();
        sb.Append(num.Length == 0 ? "1" : Part(num));
        if (den.Length > 0)
        {
            sb.Append('/').Append(Part(den));
        }

        return sb.ToString();
    }

    private static string FactorName(BaseDimension b, int power, bool vietnamese)
    {
        if (b == BaseDimension.Length && power == 2)
        {
            return vietnamese ? "diện tích" : "area";
        }

        if (b == BaseDimension.Length && power == 3)
        {
            return vietnamese ? "thể tích" : "volume";
        }

        string name = vietnamese ? b.NameVi : b.NameEn;
        return power == 1 ? name : name + "^" + power.ToString(CultureInfo.InvariantCulture);
    }

    private static Dimension Combine(Dimension a, Dimension b, int sign)
    {
        // A merge of two factor lists sorted by code: a handful of factors, and no sorted collection over a struct for
        // the JIT to compile at start-up (the built-in units combine dimensions while they load).
        ImmutableArray<DimensionFactor> x = a.Factors, y = b.Factors;
        var result = new DimensionFactor[x.Length + y.Length];
        int i = 0, j = 0, n = 0;
        while (i < x.Length || j < y.Length)
        {
            int order = i == x.Length ? 1 : j == y.Length ? -1 : string.CompareOrdinal(x[i].Base.Code, y[j].Base.Code);
            DimensionFactor f;
            if (order < 0)
            {
                f = x[i++];
            }
            else if (order > 0)
            {
                f = new DimensionFactor(y[j].Base, checked(y[j].Exponent * sign));
                j++;
            }
            else
            {
                f = new DimensionFactor(x[i].Base, checked(x[i].Exponent + checked(y[j].Exponent * sign)));
                i++;
                j++;
            }

            if (f.Exponent != 0)
            {
                result[n++] = f;
            }
        }

        return new Dimension(ImmutableArray.Create(result, 0, n));
    }
}
