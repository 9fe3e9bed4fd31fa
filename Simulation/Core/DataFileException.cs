namespace TrustSim.Core;

/// <summary>
/// A file of a TrustSim output folder that is not what the tool wrote: missing, truncated, edited or
/// corrupt. An IOException, as the file not being readable is what it amounts to. The message is one line for the user that starts with the file's path (and line, and field,
/// where there is one), so a command can print it as it is and exit 2.
/// </summary>
internal sealed class DataFileException(string message, Exception? inner = null) : IOException(message, inner);
