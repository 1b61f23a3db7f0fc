#!/usr/bin/env python3
"""Asks the app's main window to close the way a window manager's close button does: a
WM_DELETE_WINDOW client message to the mapped top-level window whose WM_CLASS names the app.

    close-window.py ferry-app

Needs only libX11 (ctypes), which GTK already pulls in, and $DISPLAY. Exits 1 when no such
window is mapped.
"""
import ctypes
import ctypes.util
import sys

IS_VIEWABLE = 2
CLIENT_MESSAGE = 33

x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
Display = ctypes.c_void_p
Window = ctypes.c_ulong


class XClassHint(ctypes.Structure):
    _fields_ = [("res_name", ctypes.c_char_p), ("res_class", ctypes.c_char_p)]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
        ("height", ctypes.c_int), ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p), ("root", Window), ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
        ("display", Display), ("window", Window), ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int), ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


x11.XOpenDisplay.restype = Display
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = Window
x11.XDefaultRootWindow.argtypes = [Display]
x11.XInternAtom.restype = ctypes.c_ulong
x11.XInternAtom.argtypes = [Display, ctypes.c_char_p, ctypes.c_int]
x11.XQueryTree.argtypes = [
    Display, Window, ctypes.POINTER(Window), ctypes.POINTER(Window),
    ctypes.POINTER(ctypes.POINTER(Window)), ctypes.POINTER(ctypes.c_uint),
]
x11.XGetClassHint.argtypes = [Display, Window, ctypes.POINTER(XClassHint)]
x11.XGetWindowAttributes.argtypes = [Display, Window, ctypes.POINTER(XWindowAttributes)]
x11.XSendEvent.argtypes = [Display, Window, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
x11.XFlush.argtypes = [Display]


def children(display, window):
    root, parent = Window(), Window()
    kids, count = ctypes.POINTER(Window)(), ctypes.c_uint()
    x11.XQueryTree(display, window, root, parent, ctypes.byref(kids), ctypes.byref(count))
    return [kids[i] for i in range(count.value)]


def find_mapped(display, window, name):
    hint, attrs = XClassHint(), XWindowAttributes()
    if x11.XGetClassHint(display, window, ctypes.byref(hint)) and hint.res_name:
        x11.XGetWindowAttributes(display, window, ctypes.byref(attrs))
        if name in hint.res_name.decode() and attrs.map_state == IS_VIEWABLE:
            return window
    for child in children(display, window):
        found = find_mapped(display, child, name)
        if found:
            return found
    return None


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "ferry-app"
    display = x11.XOpenDisplay(None)
    if not display:
        sys.exit("cannot open the X display $DISPLAY")
    target = find_mapped(display, x11.XDefaultRootWindow(display), name)
    if not target:
        sys.exit(f"no mapped window with WM_CLASS {name!r}")
    event = XEvent()
    event.xclient.type = CLIENT_MESSAGE
    event.xclient.window = target
    event.xclient.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", False)
    event.xclient.format = 32
    event.xclient.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", False)
    x11.XSendEvent(display, target, False, 0, ctypes.byref(event))
    x11.XFlush(display)


if __name__ == "__main__":
    main()
