"""The window's widgets: sidebar, contact sheet, loupe, inspector, article view, panels."""
