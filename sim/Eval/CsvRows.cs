using System.Collections.Generic;
using System.Text;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Splits CSV text into rows of fields (RFC 4180: comma separated, fields may be quoted with
    /// "…", "" is a quote inside quotes, quoted fields may span lines). Each row remembers the
    /// line it starts on, so errors can name it. Blank lines are skipped.
    /// </summary>
    public static class CsvRows
    {
        public sealed class Row
        {
            public Row(int line, string[] fields)
            {
                Line = line;
                Fields = fields;
            }

            /// <summary>1-based line number where the row starts (the header is line 1).</summary>
            public int Line { get; }

            public string[] Fields { get; }
        }

        /// <summary>Parses <paramref name="text"/>; returns null in <paramref name="error"/> when well formed.</summary>
        public static List<Row> Parse(string text, out string? error)
        {
            var rows = new List<Row>();
            var fields = new List<string>();
            var field = new StringBuilder();
            error = null;
            int line = 1, rowLine = 1, i = 0;
            bool quoted = false, any = false;
            while (i < text.Length)
            {
                char ch = text[i];
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        quoted = false;
                        i++;
                        continue;
                    }
                    if (ch == '\n') line++;
                    field.Append(ch);
                    i++;
                    continue;
                }
                if (ch == '"' && field.Length == 0) { quoted = true; any = true; i++; continue; }
                if (ch == ',') { fields.Add(field.ToString()); field.Clear(); any = true; i++; continue; }
                if (ch == '\r') { i++; continue; }
                if (ch == '\n')
                {
                    EndRow(rows, fields, field, rowLine, any);
                    any = false;
                    line++;
                    rowLine = line;
                    i++;
                    continue;
                }
                field.Append(ch);
                any = true;
                i++;
            }
            if (quoted)
            {
                error = "line " + rowLine.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": a quoted field never ends";
                return rows;
            }
            EndRow(rows, fields, field, rowLine, any);
            return rows;
        }

        private static void EndRow(List<Row> rows, List<string> fields, StringBuilder field, int line, bool any)
        {
            if (any)
            {
                fields.Add(field.ToString());
                rows.Add(new Row(line, fields.ToArray()));
            }
            fields.Clear();
            field.Clear();
        }
    }
}
