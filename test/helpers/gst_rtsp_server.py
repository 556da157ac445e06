"""A GStreamer RTSP server for the recording tests: an RTSP server the project did not write.

Serves a live 640x360 25 fps H.264 test pattern (2-second GOP) at rtsp://127.0.0.1:<port>/test
on a free port, optionally with G.711 audio and behind Digest authentication. Prints "READY <port>" once listening
and "CONNECT" for every client connection, so tests can count connection attempts.
Runs under /usr/bin/python3 (the interpreter with the GObject bindings).
"""
import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

VIDEO = (
    "videotestsrc is-live=true ! video/x-raw,width=640,height=360,framerate=25/1 "
    "! x264enc tune=zerolatency key-int-max=50 ! rtph264pay name=pay0 pt=96"
)
# G.711 A-law, as many street cameras send: MP4 cannot carry it as it is.
ALAW = (
    "audiotestsrc is-live=true wave=sine ! audio/x-raw,rate=8000,channels=1 "
    "! alawenc ! rtppcmapay name=pay1 pt=8"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", default="0")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--audio", choices=["none", "alaw"], default="none")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(args.port)

    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(f"( {VIDEO} {ALAW if args.audio == 'alaw' else ''} )")
    # One encoder for every client, as a camera has one.
    factory.set_shared(True)

    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "viewer")
        auth.add_digest(args.user, args.password or "", token)
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        server.set_auth(auth)
        role = Gst.Structure.from_string(
            "viewer, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"
        )[0]
        factory.add_role_from_structure(role)

    server.get_mount_points().add_factory("/test", factory)
    server.connect("client-connected", lambda *_: print("CONNECT", flush=True))
    if server.attach(None) == 0:
        print("cannot listen", file=sys.stderr, flush=True)
        sys.exit(1)
    print("READY", server.get_bound_port(), flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
