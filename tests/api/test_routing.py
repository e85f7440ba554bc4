"""The routers are added with the busiest first (api.app.FIRST_ROUTERS), which is safe only while no path
is matched by the routes of two routers, or by a router's and the app's own (/, /docs, /static, ...): then the
order changes no answer."""

from __future__ import annotations

import importlib
import pkgutil
import re

import api.routes
from api.app import FIRST_ROUTERS


def _routes(settings=None) -> list[tuple[str, object]]:
    """(router module, route) for every route of api/routes, and ("app", route) for the app's own routes."""
    from starlette.routing import Mount, Route

    from api.app import create_app

    found = [
        ("app", route)
        for route in create_app(settings).routes
        if isinstance(route, (Route, Mount))
        and route.path  # the routers are included, not routes of their own
    ]
    for module in pkgutil.iter_modules(api.routes.__path__):
        router = getattr(importlib.import_module(f"api.routes.{module.name}"), "router", None)
        found += [(module.name, route) for route in getattr(router, "routes", [])]
    return found


def _sample(path: str) -> list[str]:
    """Concrete paths the route pattern matches (a parameter as a word, a dotted name, a path of two parts)."""
    samples = []
    for word, rest in (("x", "a/b"), ("treaty-0", "state/FRA"), ("parties", "treaties")):
        filled = re.sub(r"\{[^}:]+:path\}", rest, path)
        samples.append(re.sub(r"\{[^}]+\}", word, filled))
    return samples


def test_no_path_is_matched_by_the_routes_of_two_routers(fixture_settings):
    routes = _routes(fixture_settings)
    assert len(routes) > 30 and set(FIRST_ROUTERS) <= {name for name, _ in routes}
    clashes = []
    for name, route in routes:
        for path in _sample(route.path):
            for other_name, other in routes:
                methods, other_methods = getattr(route, "methods", None), getattr(other, "methods", None)
                if other_name == name or (
                    methods and other_methods and not set(methods) & set(other_methods)
                ):
                    continue
                if other.path_regex.match(path):
                    clashes.append((path, name, route.path, other_name, other.path))
    assert clashes == []


def test_the_check_sees_a_clash(fixture_settings):
    """A route of one router that another router's pattern also matches is found (the test can fail)."""
    routes = {route.path: route for _, route in _routes(fixture_settings)}
    catch_all = routes["/id/{kind}/{slug:path}"]
    assert catch_all.path_regex.match(_sample("/id/state/{id}")[0])
