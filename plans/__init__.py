"""Plan and checklist templates (YAML data shipped with the package)."""
