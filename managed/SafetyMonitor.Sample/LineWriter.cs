namespace SafetyMonitor.Sample
{
    /// <summary>Writes one line of the sample's report (the console on a board; a list in the .NET tests).</summary>
    /// <param name="line">The line, without its terminator.</param>
    public delegate void LineWriter(string line);
}
