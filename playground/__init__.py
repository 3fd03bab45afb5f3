"""Neural Playground: build a neural network, press Play, watch it learn."""

__version__ = "0.1.0"
