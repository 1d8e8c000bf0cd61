"""Language-processing building blocks: tokens and sentences, morphology, quotation marks."""
