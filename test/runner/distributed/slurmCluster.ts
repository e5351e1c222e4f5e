import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '../../helpers.js';
import { freePort } from '../../freePort.js';

const DAEMONS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'sinfo'];

/** Daemons live in /usr/sbin, which a non-login PATH may lack. */
function tool(name: string): string {
  const sbin = join('/usr/sbin', name);
  return existsSync(sbin) ? sbin : name;
}

/** node:test's skip for the real-SLURM test: Debian's slurm-wlm and munge, run as root (never skipped under CI=true). */
export function skipWithoutSlurm(): string | false {
  if (process.env.CI === 'true') return false;
  const missing = DAEMONS.filter((name) => spawnSync('sh', ['-c', `command -v ${name} || test -x /usr/sbin/${name}`]).status !== 0);
  if (missing.length) return `needs SLURM and munge (missing ${missing.join(', ')}): apt-get install slurmctld slurmd slurm-client munge`;
  if (process.getuid?.() !== 0) return 'needs root to start slurmd and munged (as .ci/run does)';
  return false;
}

export interface SlurmCluster {
  /** SLURM_CONF for sbatch/sinfo. */
  readonly env: Record<string, string>;
  logs(): string;
}

/**
 * A private single-node SLURM on loopback: munged with its own key and socket, slurmctld and
 * slurmd on free ports, all state in a temp folder; stopped after the test.
 */
export async function startSlurmCluster(t: { after(fn: () => void | Promise<void>): void }): Promise<SlurmCluster> {
  const dir = tempDir(t);
  for (const sub of ['munge', 'state', 'spool', 'log']) mkdirSync(join(dir, sub));
  chmodSync(join(dir, 'munge'), 0o700);
  const key = join(dir, 'munge', 'munge.key');
  writeFileSync(key, randomBytes(1024), { mode: 0o400 });
  const socket = join(dir, 'munge', 'munge.socket');
  const node = hostname().split('.')[0];
  const conf = join(dir, 'slurm.conf');
  writeFileSync(conf, [
    'ClusterName=hpoarena-test', `SlurmctldHost=${node}(127.0.0.1)`, `SlurmctldPort=${await freePort()}`, `SlurmdPort=${await freePort()}`,
    'SlurmUser=root', 'AuthType=auth/munge', `AuthInfo=socket=${socket}`, 'CredType=cred/munge',
    `StateSaveLocation=${join(dir, 'state')}`, `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`, `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
    `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`, `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
    'ProctrackType=proctrack/linuxproc', 'TaskPlugin=task/none', 'SelectType=select/cons_tres', 'SelectTypeParameters=CR_Core',
    'SchedulerType=sched/backfill', 'MpiDefault=none', 'ReturnToService=2', 'JobCompType=jobcomp/none',
    'AccountingStorageType=accounting_storage/none', 'JobAcctGatherType=jobacct_gather/none', 'KillWait=5',
    `NodeName=${node} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} RealMemory=1000 State=UNKNOWN`,
    `PartitionName=test Nodes=${node} Default=YES MaxTime=INFINITE State=UP`, '',
  ].join('\n'));
  const env = { SLURM_CONF: conf };
  const pidFiles = [join(dir, 'slurmd.pid'), join(dir, 'slurmctld.pid'), join(dir, 'munge', 'munged.pid')];
  // The daemons' pids are read once they run: the temp folder (and its pid files) is removed before this hook runs.
  const pids: number[] = [];
  const readPids = () => {
    for (const file of pidFiles) {
      try {
        const pid = Number(readFileSync(file, 'utf8').trim());
        if (pid > 0 && !pids.includes(pid)) pids.push(pid);
      } catch {
        // not written (yet)
      }
    }
  };
  t.after(() => {
    readPids();
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // gone already
      }
    }
  });
  const start = (command: string, args: string[]) => {
    const result = spawnSync(tool(command), args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
    if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr}${result.stdout}\n${logs(dir)}`);
  };
  start('munged', ['--force', `--key-file=${key}`, `--socket=${socket}`, `--pid-file=${pidFiles[2]}`, `--log-file=${join(dir, 'munge', 'munged.log')}`, `--seed-file=${join(dir, 'munge', 'seed')}`]);
  start('slurmctld', ['-f', conf]);
  start('slurmd', ['-f', conf]);
  readPids();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8', env: { ...process.env, ...env } }).stdout.trim();
    if (state === 'idle') {
      readPids();
      break;
    }
    if (Date.now() > deadline) throw new Error(`the SLURM node did not become idle (state '${state}')\n${logs(dir)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { env, logs: () => logs(dir) };
}

function logs(dir: string): string {
  const folder = join(dir, 'log');
  if (!existsSync(folder)) return '';
  return readdirSync(folder).map((file) => `--- ${file}\n${readFileSync(join(folder, file), 'utf8').split('\n').slice(-15).join('\n')}`).join('\n');
}
