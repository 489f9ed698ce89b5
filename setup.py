"""Provides the build-time mapping of the repository's methods/ and agendas/ into the package.

The method cards and agenda templates stay at the top of the repository, where moderators
and contributors look for them; the wheel carries them as `facilitator.methods` and
`facilitator.agendas` (read with importlib.resources). Editable installs map the same
names onto the folders themselves, so an edited card shows at once.
"""

from setuptools import find_namespace_packages, setup

SHIPPED_FOLDERS = {"facilitator.methods": "methods", "facilitator.agendas": "agendas"}

# Namespace discovery: data folders without __init__.py (web/static, activity_sets, locale)
# are packages too, so their files ship and setuptools does not warn that it would drop them.
PACKAGES = find_namespace_packages(
    include=["facilitator", "facilitator.*"], exclude=["*.__pycache__"]
)

setup(
    packages=[*PACKAGES, *SHIPPED_FOLDERS],
    package_dir=SHIPPED_FOLDERS,
)
