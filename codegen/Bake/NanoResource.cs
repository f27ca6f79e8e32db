using System;
using System.IO;
using System.Text;

namespace Edge.Asr.Codegen.Bake
{
    /// <summary>
    /// The nanoFramework resource that embeds a baked blob in the device build (docs/bake.md):
    /// firmware/Resources/ModelResources.resx holding one binary file reference "Model" to the
    /// .easr, and its EmbeddedResource entry in Edge.Asr.nfproj (generator nFResXFileCodeGenerator,
    /// which writes ModelResources.Designer.cs when the device project is built or the resx saved).
    /// </summary>
    public static class NanoResource
    {
        public const string ResourceName = "Model";
        public const string ResxPath = "firmware/Resources/ModelResources.resx";
        public const string ProjectFile = "Edge.Asr.nfproj";
        private const string ResxInclude = @"firmware\Resources\ModelResources.resx";

        /// <summary>
        /// The resource id nanoFramework's resx generator gives a name (its GenerateIdFromResourceName,
        /// a 32-bit string hash folded to 16 bits): the value of ModelResources.BinaryResources.Model.
        /// </summary>
        public static short ResourceId(string name)
        {
            int hash1 = (5381 << 16) + 5381;
            int hash2 = hash1;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (i % 2 == 0) hash1 = unchecked(((hash1 << 5) + hash1) ^ c);
                else hash2 = unchecked(((hash2 << 5) + hash2) ^ c);
            }
            int hash = unchecked(hash1 + hash2 * 1566083941);
            return unchecked((short)((short)(hash >> 16) ^ (short)hash));
        }

        /// <summary>The folder holding Edge.Asr.nfproj at or above <paramref name="path"/>'s folder, or null.</summary>
        public static string? FindRepoRoot(string path)
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            while (dir != null)
            {
                if (File.Exists(Path.Combine(dir, ProjectFile))) return dir;
                dir = Path.GetDirectoryName(dir);
            }
            return null;
        }

        /// <summary>The resx text for a blob at <paramref name="blobPath"/> (a Windows-style path relative to the resx).</summary>
        public static string Resx(string repoRoot, string blobPath)
        {
            string resxDir = Path.GetDirectoryName(Path.Combine(repoRoot, ResxPath))!;
            string relative = Path.GetRelativePath(resxDir, Path.GetFullPath(blobPath)).Replace('/', '\\');
            var s = new StringBuilder();
            s.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n");
            s.Append("<root>\r\n");
            s.Append("  <!-- Written by `edge-asr bake` (docs/bake.md): the model blob the firmware loads. -->\r\n");
            s.Append("  <resheader name=\"resmimetype\">\r\n    <value>text/microsoft-resx</value>\r\n  </resheader>\r\n");
            s.Append("  <resheader name=\"version\">\r\n    <value>2.0</value>\r\n  </resheader>\r\n");
            s.Append("  <resheader name=\"reader\">\r\n    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>\r\n  </resheader>\r\n");
            s.Append("  <resheader name=\"writer\">\r\n    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>\r\n  </resheader>\r\n");
            s.Append("  <assembly alias=\"System.Windows.Forms\" name=\"System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089\" />\r\n");
            s.Append("  <data name=\"" + ResourceName + "\" type=\"System.Resources.ResXFileRef, System.Windows.Forms\">\r\n");
            s.Append("    <value>" + Escape(relative) + ";System.Byte[], mscorlib</value>\r\n");
            s.Append("  </data>\r\n");
            s.Append("</root>\r\n");
            return s.ToString();
        }

        /// <summary>The nfproj item that embeds the resx.</summary>
        public static string ProjectItem() =>
            "  <ItemGroup>\r\n"
            + "    <EmbeddedResource Include=\"" + ResxInclude + "\">\r\n"
            + "      <Generator>nFResXFileCodeGenerator</Generator>\r\n"
            + "      <LastGenOutput>ModelResources.Designer.cs</LastGenOutput>\r\n"
            + "    </EmbeddedResource>\r\n"
            + "  </ItemGroup>\r\n";

        /// <summary>
        /// Writes the resx for the blob and adds the EmbeddedResource item to the nfproj once
        /// (before the CSharp targets import). Returns the resx path.
        /// </summary>
        public static string Write(string repoRoot, string blobPath)
        {
            string resx = Path.Combine(repoRoot, ResxPath);
            Directory.CreateDirectory(Path.GetDirectoryName(resx)!);
            File.WriteAllText(resx, Resx(repoRoot, blobPath), new UTF8Encoding(false));
            string project = Path.Combine(repoRoot, ProjectFile);
            string text = File.ReadAllText(project);
            if (!text.Contains("Include=\"" + ResxInclude + "\"", StringComparison.Ordinal))
            {
                const string anchor = "  <Import Project=\"$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets\"";
                int at = text.IndexOf(anchor, StringComparison.Ordinal);
                if (at < 0) throw new BakeException(project + ": no NFProjectSystem.CSharp.targets import to put the resource before");
                string newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                text = text.Insert(at, ProjectItem().Replace("\r\n", newline));
                File.WriteAllText(project, text, new UTF8Encoding(false));
            }
            return resx;
        }

        private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
