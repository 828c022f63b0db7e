#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` only checks that the file exists; migrations go through
# @prisma/schema-engine-wasm (lib/db/schema-engine.ts). If anything runs this, fail loudly.
echo "certdesk: the native Prisma schema engine is not used; run npm run db:migrate instead" >&2
exit 1
