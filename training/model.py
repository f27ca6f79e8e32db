"""PyTorch mirror of the Edge.Asr streaming Conformer (docs/model.md, docs/training.md).

Every module, tensor name and float operation matches the engine's float reference
(codegen/Reference/FloatModel.cs), so an export loads there and into the bake tool unchanged:

  input      frontend int16 Q8 log2 values / 256 (log2 units), [B, T, mel]
  subsampling conv1: 3x3 stride 2x2 (time padded 2 frames on the left = causal, frequency 1
             each side), ReLU; dw: depthwise 3x3 stride 2x2, same padding, no activation;
             pw: 1x1 conv, ReLU; flatten channel-major (c * F2 + f); out: Linear -> D
  block b    x + 0.5 * FFN1(x); [x + MHSA(x) if attention[b]]; x + Conv(x); x + 0.5 * FFN2(x); LayerNorm
  FFN        LayerNorm -> Linear(D, m*D) -> Swish -> Linear(m*D, D)
  MHSA       folded: LayerNorm, each token cut into F sub-tokens of D/F, Q/K/V/out are (D/F)x(D/F)
             Linears on sub-tokens, heads split each sub-token, scores / sqrt(D/(F*H)), a query of
             frame t sees every sub-token of frames t-L .. t (token-level causal mask, left context L)
  Conv       LayerNorm -> Linear(D, 2D) -> GLU (first half * sigmoid(second half)) -> causal
             depthwise Conv1d (K-1 zeros on the left) -> LayerNorm (dw_norm) -> Swish -> Linear(D, D)
  classifier frame t: mean of frames max(0, t-W+1) .. t -> Linear(D, classes)
Every LayerNorm has eps 1e-5. Dropout (training only) is the one addition; it has no weights.
"""
import json
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

import safetensors_io

LAYER_NORM_EPS = 1e-5
INPUT_SCALE = 1.0 / 256.0          # frontend Q8 log2 -> log2 units
INPUT_NORM_SHIFT = 6               # RunningMeanSubtractS16.DefaultShift: smoothing 2^-6 (64 frames)
LOG_FORMAT = "int16 log2 Q8"
LOG_FORMAT_MINUS_RUNNING_MEAN = "int16 log2 Q8 minus running mean 2^-6"


def log_format(input_norm_shift):
    """config.json's frontend log_format name for a model's input norm (codegen TrainingExport)."""
    return LOG_FORMAT_MINUS_RUNNING_MEAN if input_norm_shift else LOG_FORMAT


def input_norm_shift_of(log_format_name):
    if log_format_name == LOG_FORMAT:
        return 0
    if log_format_name == LOG_FORMAT_MINUS_RUNNING_MEAN:
        return INPUT_NORM_SHIFT
    raise ValueError("unknown log_format %r" % log_format_name)


def running_mean_subtract(mel, shift, context=None):
    """Float reference of RunningMeanSubtractS16 over [B, T, mel]: m_0 = x_0, m_t = m_(t-1) + (x_t - m_(t-1)) 2^-shift, x - m.
    As one [T, T] weight matrix (m_t = (1-s)^t x_0 + sum_(1<=j<=t) s (1-s)^(t-j) x_j), so the batch runs in one product.
    With context [B, P, mel] the mean starts at the context's first frame and runs through it (a stream that was
    already running), and only the mel frames' outputs are returned."""
    if context is not None:
        return running_mean_subtract(torch.cat([context, mel], dim=1), shift)[:, context.shape[1]:]
    t = mel.shape[1]
    s = 2.0 ** -shift
    i = torch.arange(t, device=mel.device, dtype=torch.float64)
    age = (i.unsqueeze(1) - i.unsqueeze(0))                      # t - j
    w = torch.where(age >= 0, s * (1 - s) ** age.clamp(min=0), torch.zeros_like(age))
    w[:, 0] = (1 - s) ** i                                        # the first frame starts the mean
    m = torch.einsum("tj,bjc->btc", w.to(mel.dtype), mel)
    return mel - m


class ModelConfig:
    """Architecture (docs/model.md, ModelConfig); config.json names its fields as docs/model.md does."""

    def __init__(self, mel_channels=40, subsampling_channels=32, d_model=32, num_heads=2, fold_factor=2,
                 ffn_multiplier=2, conv_kernel_size=15, attention_blocks=(False, False, True, True),
                 left_context=32, pool_window=25, labels=(), input_norm_shift=0):
        self.mel_channels = int(mel_channels)
        self.subsampling_channels = int(subsampling_channels)
        self.d_model = int(d_model)
        self.num_heads = int(num_heads)
        self.fold_factor = int(fold_factor)
        self.ffn_multiplier = int(ffn_multiplier)
        self.conv_kernel_size = int(conv_kernel_size)
        self.attention_blocks = [bool(a) for a in attention_blocks]
        self.left_context = int(left_context)
        self.pool_window = int(pool_window)
        self.labels = list(labels)
        self.input_norm_shift = int(input_norm_shift)   # 0 or INPUT_NORM_SHIFT: stated by the frontend's log_format
        if self.input_norm_shift not in (0, INPUT_NORM_SHIFT):
            raise ValueError("input_norm_shift must be 0 or %d, got %d" % (INPUT_NORM_SHIFT, self.input_norm_shift))
        if self.fold_factor not in (1, 2, 4):
            raise ValueError("fold_factor must be 1, 2 or 4, got %d" % self.fold_factor)
        if self.d_model % (self.fold_factor * self.num_heads):
            raise ValueError("d_model %d is not divisible by fold_factor x num_heads = %d"
                             % (self.d_model, self.fold_factor * self.num_heads))
        if len(self.labels) < 2:
            raise ValueError("at least 2 labels are required")

    @property
    def num_blocks(self):
        return len(self.attention_blocks)

    @property
    def num_classes(self):
        return len(self.labels)

    @property
    def sub_dim(self):
        return self.d_model // self.fold_factor

    @property
    def head_dim(self):
        return self.d_model // self.fold_factor // self.num_heads

    @property
    def subsampled_bins(self):
        b1 = (self.mel_channels - 1) // 2 + 1
        return (b1 - 1) // 2 + 1

    @property
    def attention_block_mask(self):
        return sum(1 << b for b, a in enumerate(self.attention_blocks) if a)

    # config.json "model" keys: the ModelConfig constructor parameters of docs/model.md
    JSON_KEYS = (("melBins", "mel_channels"), ("subsamplingChannels", "subsampling_channels"), ("dim", "d_model"),
                 ("heads", "num_heads"), ("fold", "fold_factor"), ("ffnMultiplier", "ffn_multiplier"),
                 ("convKernel", "conv_kernel_size"), ("attention", "attention_blocks"),
                 ("leftContext", "left_context"), ("poolWindow", "pool_window"))

    def to_json(self):
        d = {key: getattr(self, attr) for key, attr in self.JSON_KEYS}
        d["layerNormEps"] = LAYER_NORM_EPS
        return d

    @staticmethod
    def from_json(model, labels):
        return ModelConfig(labels=labels, **{attr: model[key] for key, attr in ModelConfig.JSON_KEYS})


def default_config(labels):
    """The default small model (kernels/Model/DefaultModelConfig.Small)."""
    return ModelConfig(40, 16, 32, 2, 2, 2, 15, (False, False, True, True), 16, 25, labels)


def smoke_config(labels):
    """A tiny model with one conv-only and one folded-attention block, for CI."""
    return ModelConfig(40, 4, 8, 2, 2, 2, 3, (False, True), 4, 25, labels)


def _causal_pad2d(x):
    # time: 2 frames of zeros on the left (causal); frequency: 1 bin each side
    return F.pad(x, (1, 1, 2, 0))


class Subsampling(nn.Module):
    def __init__(self, c):
        super().__init__()
        ch = c.subsampling_channels
        self.conv1 = nn.Conv2d(1, ch, 3, stride=2)
        self.dw = nn.Conv2d(ch, ch, 3, stride=2, groups=ch)
        self.pw = nn.Conv2d(ch, ch, 1)
        self.out = nn.Linear(ch * c.subsampled_bins, c.d_model)

    def forward(self, mel):                                        # [B, T, mel] log2 units
        x = mel.unsqueeze(1)                                       # [B, 1, T, mel]
        x = F.relu(self.conv1(_causal_pad2d(x)))
        x = self.dw(_causal_pad2d(x))
        x = F.relu(self.pw(x))                                     # [B, C, T2, F2]
        b, ch, t, f = x.shape
        x = x.permute(0, 2, 1, 3).reshape(b, t, ch * f)            # channel-major: c * F2 + f
        return self.out(x)


class FeedForward(nn.Module):
    def __init__(self, c, dropout):
        super().__init__()
        self.norm = nn.LayerNorm(c.d_model, eps=LAYER_NORM_EPS)
        self.linear1 = nn.Linear(c.d_model, c.d_model * c.ffn_multiplier)
        self.linear2 = nn.Linear(c.d_model * c.ffn_multiplier, c.d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        h = self.dropout(F.silu(self.linear1(self.norm(x))))
        return x + 0.5 * self.dropout(self.linear2(h))


def attention_mask(frames, fold, left_context, device):
    """True where a query sub-token may see a key sub-token: key frame in [query frame - L, query frame]."""
    frame = torch.arange(frames, device=device).repeat_interleave(fold)
    delta = frame.unsqueeze(1) - frame.unsqueeze(0)                # query frame - key frame
    return (delta >= 0) & (delta <= left_context)


class FoldedAttention(nn.Module):
    def __init__(self, c, dropout):
        super().__init__()
        self.c = c
        sd = c.sub_dim
        self.norm = nn.LayerNorm(c.d_model, eps=LAYER_NORM_EPS)
        self.q = nn.Linear(sd, sd)
        self.k = nn.Linear(sd, sd)
        self.v = nn.Linear(sd, sd)
        self.out = nn.Linear(sd, sd)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        c = self.c
        b, t, d = x.shape
        fold, heads, hd = c.fold_factor, c.num_heads, c.head_dim
        a = self.norm(x).reshape(b, t * fold, c.sub_dim)           # sub-token u = frame * F + piece

        def split(z):                                              # [B, TF, sd] -> [B, H, TF, hd]
            return z.reshape(b, t * fold, heads, hd).transpose(1, 2)

        q, k, v = split(self.q(a)), split(self.k(a)), split(self.v(a))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(hd)
        mask = attention_mask(t, fold, c.left_context, x.device)
        scores = scores.masked_fill(~mask, float("-inf"))
        p = self.dropout(torch.softmax(scores, dim=-1))
        ctx = torch.matmul(p, v).transpose(1, 2).reshape(b, t * fold, c.sub_dim)
        return x + self.dropout(self.out(ctx).reshape(b, t, d))


class ConvModule(nn.Module):
    def __init__(self, c, dropout):
        super().__init__()
        d, k = c.d_model, c.conv_kernel_size
        self.kernel = k
        self.norm = nn.LayerNorm(d, eps=LAYER_NORM_EPS)
        self.pointwise1 = nn.Linear(d, 2 * d)
        self.depthwise = nn.Conv1d(d, d, k, groups=d)
        self.dw_norm = nn.LayerNorm(d, eps=LAYER_NORM_EPS)
        self.pointwise2 = nn.Linear(d, d)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        g = F.glu(self.pointwise1(self.norm(x)), dim=-1)           # first half * sigmoid(second half)
        g = F.pad(g.transpose(1, 2), (self.kernel - 1, 0))         # causal: K-1 zeros on the left
        h = self.depthwise(g).transpose(1, 2)
        h = F.silu(self.dw_norm(h))
        return x + self.dropout(self.pointwise2(h))


class ConformerBlock(nn.Module):
    def __init__(self, c, b, dropout):
        super().__init__()
        self.ffn1 = FeedForward(c, dropout)
        self.attn = FoldedAttention(c, dropout) if c.attention_blocks[b] else None
        self.conv = ConvModule(c, dropout)
        self.ffn2 = FeedForward(c, dropout)
        self.norm = nn.LayerNorm(c.d_model, eps=LAYER_NORM_EPS)

    def forward(self, x):
        x = self.ffn1(x)
        if self.attn is not None:
            x = self.attn(x)
        x = self.conv(x)
        return self.norm(self.ffn2(x))


class KwsConformer(nn.Module):
    def __init__(self, c, dropout=0.0):
        super().__init__()
        self.config = c
        self.subsampling = Subsampling(c)
        self.blocks = nn.ModuleList(ConformerBlock(c, b, dropout) for b in range(c.num_blocks))
        self.classifier = nn.Linear(c.d_model, c.num_classes)

    def encode(self, mel, norm_context=None, encoder_context=0):
        """norm_context: frames heard before mel (training; None: a fresh stream). The input norm runs through all of
        them; the encoder hears their last `encoder_context` frames too, and its output then starts with those frames'
        encoder frames (encoder_context / 4 of them)."""
        if norm_context is not None and encoder_context > 0:
            mel = torch.cat([norm_context[:, -encoder_context:], mel], dim=1)
            norm_context = norm_context[:, :-encoder_context] if norm_context.shape[1] > encoder_context else None
        if self.config.input_norm_shift:
            mel = running_mean_subtract(mel, self.config.input_norm_shift, norm_context)
        x = self.subsampling(mel)
        for block in self.blocks:
            x = block(x)
        return x                                                   # [B, T2, D]

    def forward(self, mel, norm_context=None, encoder_context=0):
        """Clip logits: the classifier on the mean of the last W encoder frames, [B, classes]."""
        x = self.encode(mel, norm_context, encoder_context)
        return self.classifier(x[:, -self.config.pool_window:].mean(dim=1))

    def frame_logits(self, mel):
        """Logits of every encoder frame t (mean of frames max(0, t-W+1) .. t), [B, T2, classes]."""
        return self.frame_logits_of(self.encode(mel))

    def clip_and_frame_logits(self, mel, norm_context=None, encoder_context=0):
        """forward's clip logits and frame_logits from one pass of the encoder (frame-loss training); the frame logits
        start with the encoder context's frames."""
        x = self.encode(mel, norm_context, encoder_context)
        return self.classifier(x[:, -self.config.pool_window:].mean(dim=1)), self.frame_logits_of(x)

    def frame_logits_of(self, x):
        """frame_logits from encoder output x [B, T2, D]."""
        w = self.config.pool_window
        csum = F.pad(torch.cumsum(x, dim=1), (0, 0, 1, 0))        # csum[t+1] = sum of frames 0..t
        t = torch.arange(x.shape[1], device=x.device)
        first = torch.clamp(t - w + 1, min=0)
        pooled = (csum[:, t + 1] - csum[:, first]) / (t - first + 1).to(x.dtype).unsqueeze(-1)
        return self.classifier(pooled)


def features_to_input(features_q8):
    """int16 frontend values (numpy or tensor) -> float input in log2 units."""
    return torch.as_tensor(features_q8).to(torch.float32) * INPUT_SCALE


def load_export(folder, dtype=torch.float32):
    """Model and config from an export folder (config.json + model.safetensors)."""
    with open(folder + "/config.json", encoding="utf-8") as f:
        config = json.load(f)
    c = ModelConfig.from_json(config["model"], config["labels"])
    c.input_norm_shift = input_norm_shift_of(config["frontend"]["log_format"])
    model = KwsConformer(c)
    model.load_state_dict(safetensors_io.load(folder + "/model.safetensors"))
    return model.to(dtype).eval(), config
