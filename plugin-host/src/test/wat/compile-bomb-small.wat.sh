#!/bin/sh
# Hostile, the smaller of the compile bombs: a quarter of compile-bomb's functions.
exec sh "$(dirname "$0")/compile-bomb.wat.sh" 10 1500
