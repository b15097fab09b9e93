import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { fullNameOfNetUser, gecosName, osFullName, properName } from './osFullName';

describe('the system full name', () => {
  it('reads the GECOS field of a passwd line', () => {
    expect(gecosName('priya:x:1000:1000:Priya Raman,Room 4,,:/home/priya:/bin/bash')).toBe('Priya Raman');
    expect(gecosName('root:x:0:0:root:/root:/bin/bash')).toBe('root');
    expect(gecosName('svc:x:998:998::/srv:/usr/sbin/nologin')).toBe('');
    expect(gecosName('')).toBe('');
  });

  it('reads the Full Name of net user', () => {
    const output = 'User name                    priya\r\nFull Name                    Priya Raman\r\nComment\r\n';
    expect(fullNameOfNetUser(output)).toBe('Priya Raman');
    expect(fullNameOfNetUser('User name   priya\r\n')).toBe('');
  });

  it('is never the bare login name', () => {
    expect(properName('root', 'root')).toBe('');
    expect(properName('  Priya   Raman ', 'priya')).toBe('Priya Raman');
    expect(properName('', 'priya')).toBe('');
  });

  it('answers on this machine without throwing, and not with the login', async () => {
    const name = await osFullName();
    expect(typeof name).toBe('string');
    expect(name.toLowerCase()).not.toBe(os.userInfo().username.toLowerCase());
  });
});
