using System.Collections.Generic;
using System.Text;

namespace Edge.Asr.Sim.Training
{
    /// <summary>One CSV line into fields (RFC 4180 quoting: "a,b" and "" for a quote, as Python's csv module writes).</summary>
    public static class Csv
    {
        public static string[] Split(string line, string origin)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    if (c != '"') field.Append(c);
                    else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            if (quoted) throw new FeatureInputException(origin + ": unterminated quoted field");
            fields.Add(field.ToString());
            return fields.ToArray();
        }
    }
}
