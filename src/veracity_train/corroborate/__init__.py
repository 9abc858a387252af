"""Training and evaluation of corroboration: the same-story model, its FNC-1 evaluation, the divergence perturbation suite."""
