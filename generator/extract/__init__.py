"""The extract stage: a results release (text) in, structured :class:`Results` out."""
