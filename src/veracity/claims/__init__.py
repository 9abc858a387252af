"""Claims: one record per sentence with check-worthiness, quantities, dates, places, modality, frames."""
