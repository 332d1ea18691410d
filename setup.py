"""Which packages the wheel holds (the rest of the packaging is in pyproject.toml).

Every package under checker/ is found by itself, so a new subpackage ships without a list to
update. The bundled rules stay editable at rules/ in the repository and ship inside the wheel
as the data package `checker.bundled_rules`, mapped onto that folder; `checker.rules` reads
them from there, or from rules/ in a checkout (editable install).
"""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["checker", "checker.*"]) + ["checker.bundled_rules"],
    package_dir={"checker.bundled_rules": "rules"},
    package_data={"checker.bundled_rules": ["*.toml"], "checker": ["data/*.bin"]},
)
