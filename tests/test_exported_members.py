import newsgraph


def test_public_api_is_pinned():
    assert sorted(newsgraph.__all__) == sorted([
        "SCHEMA", "InputError", "ModelError", "NewsgraphError", "Reader", "Record", "Store", "StoreError",
        "__version__", "read",
    ])
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name)
