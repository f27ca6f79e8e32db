namespace Edge.Asr.Blob
{
    /// <summary>
    /// Constants of the model blob format (docs/blob-format.md is the byte-exact description;
    /// a test checks the document against these values and against written blobs).
    /// </summary>
    public static class BlobFormat
    {
        // ---- versions ----
        /// <summary>Major version this reader reads; a different major is refused.</summary>
        public const int MajorVersion = 1;
        /// <summary>Minor version this reader knows; a newer minor is read, its additions ignored.</summary>
        public const int MinorVersion = 0;

        // ---- fixed header (all little-endian) ----
        /// <summary>The magic "EASR" as a little-endian u32 (bytes 0x45 0x41 0x53 0x52).</summary>
        public const uint Magic = 0x52534145u;
        public const int OffsetMagic = 0;
        public const int OffsetMajorVersion = 4;
        public const int OffsetMinorVersion = 6;
        public const int OffsetHeaderSize = 8;
        public const int OffsetTotalLength = 12;
        public const int OffsetSectionCount = 16;
        public const int OffsetCrc32 = 20;
        /// <summary>Size of the fixed header of version 1.0; the section directory follows it.</summary>
        public const int HeaderSize = 24;

        // ---- section directory entry ----
        public const int DirectoryEntrySize = 12;
        public const int EntryOffsetType = 0;
        public const int EntryOffsetOffset = 4;
        public const int EntryOffsetLength = 8;

        // ---- section types ----
        public const int SectionConfig = 1;
        public const int SectionLabels = 2;
        public const int SectionFrontend = 3;
        public const int SectionDetector = 4;
        public const int SectionTensorTable = 5;
        public const int SectionTensorData = 6;
        /// <summary>Number of section types version 1.0 defines (types 1..SectionTypeCount).</summary>
        public const int SectionTypeCount = 6;

        // ---- tensor data types ----
        public const int DTypeInt8 = 1;
        public const int DTypeUInt8 = 2;
        public const int DTypeInt16 = 3;
        public const int DTypeInt32 = 4;
        /// <summary>Tensor entry channel axis value meaning "per-tensor quantisation".</summary>
        public const int NoChannelAxis = 0xFF;
        /// <summary>Tensor entry reference value meaning "no per-channel tensor".</summary>
        public const int NoTensor = -1;

        // ---- alignment and limits (hostile blobs can never make the reader allocate more) ----
        /// <summary>Sections and tensor data start at multiples of this.</summary>
        public const int Alignment = 4;
        public const int MaxTotalLength = 16 * 1024 * 1024;
        public const int MaxHeaderSize = 256;
        public const int MaxSections = 32;
        public const int MaxFields = 256;
        public const int MaxLabels = 1024;
        public const int MaxLabelBytes = 255;
        public const int MaxTensors = 1024;
        public const int MaxNameBytes = 255;
        public const int MaxRank = 4;

        // ---- names the reader itself checks ----
        /// <summary>Classifier weight, int8 [num_classes, d_model]: the label count is checked against it.</summary>
        public const string ClassifierWeight = "classifier.weight";
        /// <summary>Classifier bias, int32 [num_classes].</summary>
        public const string ClassifierBias = "classifier.bias";

        /// <summary>Bytes per element of a data type, 0 for an unknown code.</summary>
        public static int ElementSize(int dtype)
        {
            switch (dtype)
            {
                case DTypeInt8: return 1;
                case DTypeUInt8: return 1;
                case DTypeInt16: return 2;
                case DTypeInt32: return 4;
                default: return 0;
            }
        }

        /// <summary>Name of a data type for messages.</summary>
        public static string DTypeName(int dtype)
        {
            switch (dtype)
            {
                case DTypeInt8: return "int8";
                case DTypeUInt8: return "uint8";
                case DTypeInt16: return "int16";
                case DTypeInt32: return "int32";
                default: return "dtype " + dtype.ToString();
            }
        }

        /// <summary>Name of a section type for messages.</summary>
        public static string SectionName(int type)
        {
            switch (type)
            {
                case SectionConfig: return "config";
                case SectionLabels: return "labels";
                case SectionFrontend: return "frontend";
                case SectionDetector: return "detector";
                case SectionTensorTable: return "tensor table";
                case SectionTensorData: return "tensor data";
                default: return "section type " + type.ToString();
            }
        }

        /// <summary>x rounded up to the alignment (x ≥ 0, small enough not to overflow).</summary>
        public static long Align(long x)
        {
            return (x + (Alignment - 1)) & ~(long)(Alignment - 1);
        }
    }
}
