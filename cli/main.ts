#!/usr/bin/env node
console.log('hpoarena: CLI under construction');
