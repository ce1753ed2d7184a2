public enum FormatsPlaceholder {}
