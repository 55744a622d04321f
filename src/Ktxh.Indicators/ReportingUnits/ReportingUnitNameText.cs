namespace Ktxh.Indicators.ReportingUnits;

/// <summary>What a reporting unit's name says about it (normalising and folding names is <see cref="VietnameseText"/>'s job).</summary>
internal static class ReportingUnitNameText
{
    /// <summary>The commune type a name's prefix announces (Xã, Phường, Thị trấn, Đặc khu), or None.</summary>
    public static CommuneType CommuneTypeOf(string name)
    {
        // Fast path for names as the official tables write them (NFC).
        if (name.StartsWith("Xã ", StringComparison.Ordinal))
        {
            return CommuneType.Xa;
        }

        if (name.StartsWith("Phường ", StringComparison.Ordinal))
        {
            return CommuneType.Phuong;
        }

        if (name.StartsWith("Thị trấn ", StringComparison.Ordinal))
        {
            return CommuneType.ThiTran;
        }

        if (name.StartsWith("Đặc khu ", StringComparison.Ordinal))
        {
            return CommuneType.DacKhu;
        }

        string f = VietnameseText.Fold(name);
        return f.StartsWith("xa ", StringComparison.Ordinal) ? CommuneType.Xa
            : f.StartsWith("phuong ", StringComparison.Ordinal) ? CommuneType.Phuong
            : f.StartsWith("thi tran ", StringComparison.Ordinal) ? CommuneType.ThiTran
            : f.StartsWith("dac khu ", StringComparison.Ordinal) ? CommuneType.DacKhu
            : CommuneType.None;
    }
}
