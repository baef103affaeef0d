"""``newsgraph timeline``: events of articles (or of a store) in date order."""
