using System;
using System.Collections.Generic;
using System.IO;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>
    /// The checked-in list of nanoFramework 1.x types and members kernels/ and firmware/ may use
    /// (nanoframework-api.txt). Entries marked "@firmware" are admitted in firmware/ only.
    /// </summary>
    public sealed class ApiAllowlist
    {
        private readonly Dictionary<string, bool> _firmwareOnlyByEntry = new Dictionary<string, bool>(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _firmwareOnlyByNamespace = new Dictionary<string, bool>(StringComparer.Ordinal);

        private ApiAllowlist()
        {
        }

        /// <summary>The checked-in file, relative to the repository root.</summary>
        public const string DefaultPath = "tests/Edge.Asr.Tests/Portability/nanoframework-api.txt";

        /// <summary>The checked-in allowlist, read from the repository.</summary>
        public static ApiAllowlist LoadDefault()
        {
            return Parse(File.ReadAllText(Path.Combine(NfProj.RepoLayout.Root, DefaultPath)));
        }

        /// <summary>Reads the allowlist format: entries, "# comments", "[assembly]" sections, "@firmware" marks.</summary>
        public static ApiAllowlist Parse(string text)
        {
            var list = new ApiAllowlist();
            foreach (string rawLine in text.Split('\n'))
            {
                string line = rawLine;
                int hash = line.IndexOf('#');
                if (hash >= 0) line = line.Substring(0, hash);
                line = line.Trim();
                if (line.Length == 0 || line.StartsWith('[')) continue;
                bool firmwareOnly = false;
                const string Mark = "@firmware";
                if (line.EndsWith(Mark, StringComparison.Ordinal))
                {
                    firmwareOnly = true;
                    line = line.Substring(0, line.Length - Mark.Length).TrimEnd();
                }
                list.Add(line, firmwareOnly);
                int separator = line.IndexOf("::", StringComparison.Ordinal);
                if (separator > 0) list.Add(line.Substring(0, separator), firmwareOnly);
            }
            return list;
        }

        /// <summary>Every listed type and member (a member's type included).</summary>
        public IEnumerable<string> Entries => _firmwareOnlyByEntry.Keys;

        /// <summary>True when the entry is listed for the given tree (kernels/ sees no firmware-only entry).</summary>
        public bool Allows(string entry, bool inKernels, out bool firmwareOnly)
        {
            firmwareOnly = false;
            if (!_firmwareOnlyByEntry.TryGetValue(entry, out bool onlyFirmware)) return false;
            firmwareOnly = onlyFirmware;
            return !(onlyFirmware && inKernels);
        }

        /// <summary>True when some listed type lives in <paramref name="ns"/> (and may be used from that tree).</summary>
        public bool AllowsNamespace(string ns, bool inKernels)
        {
            return _firmwareOnlyByNamespace.TryGetValue(ns, out bool onlyFirmware) && !(onlyFirmware && inKernels);
        }

        private void Add(string entry, bool firmwareOnly)
        {
            // A type or member listed both ways counts as available everywhere.
            _firmwareOnlyByEntry[entry] = _firmwareOnlyByEntry.TryGetValue(entry, out bool before) ? before && firmwareOnly : firmwareOnly;
            if (entry.Contains("::", StringComparison.Ordinal)) return;
            int lastDot = entry.LastIndexOf('.');
            if (lastDot <= 0) return;
            // Every enclosing namespace of a listed type exists on the device (System.Device.I2s implies System.Device).
            for (string ns = entry.Substring(0, lastDot); ns.Length > 0;)
            {
                _firmwareOnlyByNamespace[ns] = _firmwareOnlyByNamespace.TryGetValue(ns, out bool nsBefore) ? nsBefore && firmwareOnly : firmwareOnly;
                int dot = ns.LastIndexOf('.');
                ns = dot > 0 ? ns.Substring(0, dot) : "";
            }
        }
    }
}
