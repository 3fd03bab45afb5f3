"""The optimizer arena: the project's own optimizers racing on 2-D test surfaces (torch, no Qt)."""
