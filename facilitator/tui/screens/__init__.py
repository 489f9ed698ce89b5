"""Provides the app's main screens by mode name."""

from facilitator.tui.screens.captures import CapturesScreen
from facilitator.tui.screens.export import ExportScreen
from facilitator.tui.screens.join import JoinScreen
from facilitator.tui.screens.methods import MethodsScreen
from facilitator.tui.screens.participants import ParticipantsScreen
from facilitator.tui.screens.plan import PlanScreen
from facilitator.tui.screens.run import RunScreen
from facilitator.tui.screens.start import StartScreen

SCREENS = {
    "start": StartScreen,
    "plan": PlanScreen,
    "run": RunScreen,
    "captures": CapturesScreen,
    "participants": ParticipantsScreen,
    "methods": MethodsScreen,
    "join": JoinScreen,
    "export": ExportScreen,
}
