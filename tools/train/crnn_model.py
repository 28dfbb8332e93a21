"""The plate-row recogniser: a small convolutional CTC net.

Sized for an edge box's single core: ~0.36 M parameters and ~35 M
multiply-adds per 32x160 row. Convolutions pool the row to 2 x 40; a
(2, 3) convolution folds the height away, leaving 40 time steps (enough for
10 characters with CTC's blanks between repeats), and a dilated (1, 3)
convolution lets every step see about four characters either side, which is
what tells "0" from "O" and "8" from "B" by the plate's layout.

Why no BiLSTM, the usual CRNN sequence layer: Debian's python3-torch
runs LSTM and Linear layers on the reference BLAS (2.6 GFLOP/s here), which
made training five times slower than the convolutions (oneDNN) alone; the
dilated convolution gives the context within the training budget. Every
layer is a 2-D Conv, BatchNorm, Relu, MaxPool or Softmax, which OpenCV 4.6's
ONNX importer runs without reshapes; the output keeps the (N, C, 1, W) layout.
"""

from __future__ import annotations

import torch
from torch import nn

import charset
import row_input


def _conv(cin: int, cout: int, kernel=3, padding=1, dilation=1) -> list[nn.Module]:
    return [nn.Conv2d(cin, cout, kernel, padding=padding, dilation=dilation, bias=False),
            nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class Crnn(nn.Module):
    def __init__(self):
        super().__init__()
        assert row_input.HEIGHT == 32, "the pooling below folds exactly 32 rows"
        self.body = nn.Sequential(
            *_conv(1, 16), nn.MaxPool2d(2),                     # 16 x 80
            *_conv(16, 32), nn.MaxPool2d(2),                    # 8 x 40
            *_conv(32, 64), nn.MaxPool2d((2, 1)),               # 4 x 40
            *_conv(64, 128), nn.MaxPool2d((2, 1)),              # 2 x 40
            *_conv(128, 192, kernel=(2, 3), padding=(0, 1)),    # 1 x 40
            *_conv(192, 192, kernel=(1, 3), padding=(0, 2), dilation=(1, 2)),
            nn.Conv2d(192, charset.NUM_CLASSES, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """(N, 1, 32, 160) rows to (N, classes, 1, steps) logits."""
        return self.body(x)


def ctc_log_probs(logits: torch.Tensor) -> torch.Tensor:
    """(steps, N, classes) log-probabilities, the layout nn.CTCLoss wants."""
    return logits.squeeze(2).permute(2, 0, 1).log_softmax(2)


class CrnnProbabilities(nn.Module):
    """The exported graph: class probabilities per step, (N, classes, 1, steps)."""

    def __init__(self, net: Crnn):
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.net(x), dim=1)
