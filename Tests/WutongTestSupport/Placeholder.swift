public enum WutongTestSupportPlaceholder {}
