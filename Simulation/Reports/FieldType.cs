namespace TrustSim.Reports;

/// <summary>The Table Schema types of the columns we write (https://specs.frictionlessdata.io/table-schema/#types-and-formats).</summary>
internal enum FieldType
{
    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number as CsvText writes it (shortest round trip; an empty field is missing, an undefined value).</summary>
    Number,

    /// <summary>Text: names, labels, words from a fixed list, seeds.</summary>
    String,

    /// <summary>A calendar date, yyyy-MM-dd.</summary>
    Date,

    /// <summary>true or false.</summary>
    Boolean,
}
