"""Analysis layers: each reads the document and earlier layers and adds its own annotations."""
