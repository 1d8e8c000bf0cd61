"""Reading input records and writing analyses."""
