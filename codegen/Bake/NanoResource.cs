using System;
using System.IO;
using System.Text;

namespace Edge.Asr.Codegen.Bake
{
    /// <summary>
    /// The nanoFramework resource that embeds a baked blob in the device build (docs/bake.md):
    /// firmware/Resources/ModelResources.resx holding one binary file reference "Model" to the
    /// .easr, the strongly typed class ModelResources.Designer.cs that nanoFramework's resx code
    /// generator (nFResXFileCodeGenerator) would write for it, and both entries in Edge.Asr.nfproj.
    /// </summary>
    public static class NanoResource
    {
        public const string ResourceName = "Model";
        public const string ResxPath = "firmware/Resources/ModelResources.resx";
        public const string DesignerPath = "firmware/Resources/ModelResources.Designer.cs";
        public const string ProjectFile = "Edge.Asr.nfproj";
        private const string ResxInclude = @"firmware\Resources\ModelResources.resx";
        private const string DesignerInclude = @"firmware\Resources\ModelResources.Designer.cs";

        /// <summary>The generated class's name: the resx file name without its extension.</summary>
        public const string ClassName = "ModelResources";

        /// <summary>
        /// The generated class's namespace: what the project system gives an item in a folder
        /// (VSHPROPID_DefaultNamespace = RootNamespace "Edge.Asr" + the folder path firmware\Resources),
        /// which the generator uses as is.
        /// </summary>
        public const string ClassNamespace = "Edge.Asr.firmware.Resources";

        /// <summary>
        /// The ResourceManager's base name: namespace + class, which is also the name the build gives
        /// the embedded resx (RootNamespace + folder path + file name), so the device finds it.
        /// </summary>
        public const string BaseName = ClassNamespace + "." + ClassName;

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

        /// <summary>
        /// ModelResources.Designer.cs as nFResXFileCodeGenerator writes it for the resx (the shape of
        /// nanoframework/Samples' generated Resources.Designer.cs files: an internal partial class with a
        /// lazily created ResourceManager, GetBytes, and a nested [Serializable] enum BinaryResources : short
        /// whose values are the generator's name hashes). It depends on no blob byte, so a re-bake
        /// writes the same file. CRLF line ends, as the generator writes them on Windows.
        /// </summary>
        public static string Designer()
        {
            string id = ResourceId(ResourceName).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string[] lines =
            {
                "//------------------------------------------------------------------------------",
                "// <auto-generated>",
                "//     This code was generated by a tool.",
                "//     Runtime Version:4.0.30319.42000",
                "//",
                "//     Changes to this file may cause incorrect behavior and will be lost if",
                "//     the code is regenerated.",
                "// </auto-generated>",
                "//------------------------------------------------------------------------------",
                "",
                "namespace " + ClassNamespace,
                "{",
                "    ",
                "    internal partial class " + ClassName,
                "    {",
                "        private static System.Resources.ResourceManager manager;",
                "        internal static System.Resources.ResourceManager ResourceManager",
                "        {",
                "            get",
                "            {",
                "                if ((" + ClassName + ".manager == null))",
                "                {",
                "                    " + ClassName + ".manager = new System.Resources.ResourceManager(\"" + BaseName + "\", typeof(" + ClassName + ").Assembly);",
                "                }",
                "                return " + ClassName + ".manager;",
                "            }",
                "        }",
                "        internal static byte[] GetBytes(" + ClassName + ".BinaryResources id)",
                "        {",
                "            return ((byte[])(nanoFramework.Runtime.Native.ResourceUtility.GetObject(ResourceManager, id)));",
                "        }",
                "        [System.SerializableAttribute()]",
                "        internal enum BinaryResources : short",
                "        {",
                "            " + ResourceName + " = " + id + ",",
                "        }",
                "    }",
                "}",
            };
            return string.Join("\r\n", lines) + "\r\n";
        }

        /// <summary>The nfproj items: the generated class (as the project system links it) and the resx.</summary>
        public static string ProjectItem() =>
            "  <ItemGroup>\r\n"
            + CompileItem()
            + "    <EmbeddedResource Include=\"" + ResxInclude + "\">\r\n"
            + "      <Generator>nFResXFileCodeGenerator</Generator>\r\n"
            + "      <LastGenOutput>ModelResources.Designer.cs</LastGenOutput>\r\n"
            + "    </EmbeddedResource>\r\n"
            + "  </ItemGroup>\r\n";

        private static string CompileItem() =>
            "    <Compile Include=\"" + DesignerInclude + "\">\r\n"
            + "      <DesignTime>True</DesignTime>\r\n"
            + "      <AutoGen>True</AutoGen>\r\n"
            + "      <DependentUpon>ModelResources.resx</DependentUpon>\r\n"
            + "    </Compile>\r\n";

        /// <summary>
        /// Writes the resx for the blob and the generated class, and adds their items to the nfproj
        /// once (before the CSharp targets import, or the class next to an existing resx item).
        /// Returns the resx path.
        /// </summary>
        public static string Write(string repoRoot, string blobPath)
        {
            string resx = Path.Combine(repoRoot, ResxPath);
            Directory.CreateDirectory(Path.GetDirectoryName(resx)!);
            File.WriteAllText(resx, Resx(repoRoot, blobPath), new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(repoRoot, DesignerPath), Designer(), new UTF8Encoding(false));
            string project = Path.Combine(repoRoot, ProjectFile);
            string text = File.ReadAllText(project);
            string newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            string original = text;
            bool hasResx = text.Contains("Include=\"" + ResxInclude + "\"", StringComparison.Ordinal);
            bool hasDesigner = text.Contains("Include=\"" + DesignerInclude + "\"", StringComparison.Ordinal);
            if (!hasResx)
            {
                const string anchor = "  <Import Project=\"$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets\"";
                int at = text.IndexOf(anchor, StringComparison.Ordinal);
                if (at < 0) throw new BakeException(project + ": no NFProjectSystem.CSharp.targets import to put the resource before");
                string item = hasDesigner ? ProjectItem().Replace(CompileItem(), "") : ProjectItem();
                text = text.Insert(at, item.Replace("\r\n", newline));
            }
            else if (!hasDesigner)
            {
                string anchor = "    <EmbeddedResource Include=\"" + ResxInclude + "\"";
                int at = text.IndexOf(anchor, StringComparison.Ordinal);
                if (at < 0) throw new BakeException(project + ": the resource item is not written as " + anchor.Trim() + "...");
                text = text.Insert(at, CompileItem().Replace("\r\n", newline));
            }
            if (!string.Equals(text, original, StringComparison.Ordinal)) File.WriteAllText(project, text, new UTF8Encoding(false));
            return resx;
        }

        private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
