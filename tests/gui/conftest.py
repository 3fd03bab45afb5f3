"""Qt runs offscreen in the GUI tests; this must happen before anything imports Qt."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
