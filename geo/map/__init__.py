"""The interactive map: basemap, packed events, layers, legend, the record card, standalone pages."""
