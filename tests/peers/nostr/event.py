"""Signs and publishes Nostr events for the window tests, which have no Schnorr signer of
their own. Runs on the relay's own venv (coincurve and websockets come with nostr-relay):

    $FERRY_TEST_NOSTR_PYTHON tests/peers/nostr/event.py keys
        -> {"secret": "<hex>", "pubkey": "<hex>"}
    $FERRY_TEST_NOSTR_PYTHON tests/peers/nostr/event.py publish <relay> <secret hex> <kind> <content> [<tags json>]
        -> the event as JSON, once the relay said OK (exit 1 with the relay's reason otherwise)

NIP-01: the id is the sha256 of [0, pubkey, created_at, kind, tags, content] serialized
without spaces; the signature is BIP-340 Schnorr over it.
"""
import asyncio
import hashlib
import json
import sys
import time

import coincurve
import websockets


def keys():
    secret = coincurve.PrivateKey()
    pubkey = secret.public_key_xonly.format().hex()
    print(json.dumps({"secret": secret.secret.hex(), "pubkey": pubkey}))


def sign(secret_hex, kind, content, tags):
    secret = coincurve.PrivateKey(bytes.fromhex(secret_hex))
    pubkey = secret.public_key_xonly.format().hex()
    created_at = int(time.time())
    body = json.dumps([0, pubkey, created_at, kind, tags, content], separators=(",", ":"), ensure_ascii=False)
    event_id = hashlib.sha256(body.encode("utf-8")).digest()
    return {
        "id": event_id.hex(),
        "pubkey": pubkey,
        "created_at": created_at,
        "kind": kind,
        "tags": tags,
        "content": content,
        "sig": secret.sign_schnorr(event_id).hex(),
    }


async def publish(relay, event):
    async with websockets.connect(relay, open_timeout=10) as socket:
        await socket.send(json.dumps(["EVENT", event]))
        while True:
            answer = json.loads(await asyncio.wait_for(socket.recv(), 10))
            if answer[0] == "OK" and answer[1] == event["id"]:
                if not answer[2]:
                    sys.exit(f"the relay refused the event: {answer[3] if len(answer) > 3 else ''}")
                return


def main():
    if sys.argv[1:2] == ["keys"]:
        keys()
        return
    if len(sys.argv) < 6 or sys.argv[1] != "publish":
        sys.exit(__doc__)
    _, _, relay, secret_hex, kind, content, *rest = sys.argv
    tags = json.loads(rest[0]) if rest else []
    event = sign(secret_hex, int(kind), content, tags)
    asyncio.run(publish(relay, event))
    print(json.dumps(event, ensure_ascii=False))


main()
