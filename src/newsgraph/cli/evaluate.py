"""``newsgraph eval …``: each evaluation's command registers on ``eval_app`` from its own module."""

from newsgraph.cli import eval_cleaning as _cleaning  # noqa: F401
from newsgraph.cli import eval_conll as _conll  # noqa: F401
from newsgraph.cli import eval_html as _html  # noqa: F401
from newsgraph.cli import eval_plover as _plover  # noqa: F401
from newsgraph.cli import eval_polnear as _polnear  # noqa: F401
from newsgraph.cli import eval_qasrl as _qasrl  # noqa: F401
from newsgraph.cli import eval_reference as _reference  # noqa: F401
from newsgraph.cli import eval_timeml as _timeml  # noqa: F401
