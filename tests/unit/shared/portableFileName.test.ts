import { describe, expect, it } from 'vitest';
import { isPortableFileName, portableFileNameProblem, WINDOWS_DEVICE_NAMES } from '../../../src/shared/model/portableFileName';

describe('portable file names', () => {
  it('refuses every Windows device name in any case, with or without an extension', () => {
    const devices = ['con', 'prn', 'aux', 'nul', ...Array.from({ length: 10 }, (_, n) => [`com${n}`, `lpt${n}`]).flat(), 'com¹', 'lpt³'];
    expect(WINDOWS_DEVICE_NAMES).toEqual(expect.arrayContaining(devices));
    for (const device of devices) {
      for (const name of [device, device.toUpperCase(), `${device[0]?.toUpperCase()}${device.slice(1)}`, `${device}.txt`, `${device}.product.json`, `${device.toUpperCase()} .md`]) {
        expect(portableFileNameProblem(name), name).toMatch(/reserves for a device/);
      }
    }
    expect(portableFileNameProblem('con.txt')).toBe('"con.txt" is a name Windows reserves for a device (CON); choose another name.');
  });

  it('refuses a trailing dot or space, and an empty name', () => {
    for (const name of ['notes.', 'notes ', 'notes. ', '..', 'a.md.']) {
      expect(portableFileNameProblem(name), name).toMatch(/ends in a dot or a space/);
    }
    expect(portableFileNameProblem('')).toBe('A file name cannot be empty.');
  });

  it('accepts names that only look like devices', () => {
    for (const name of ['console.md', 'con-2.product.json', 'com10.md', 'lpt.md', 'nully.html', 'auxiliary', 'prn-roadmap.pdf', 'icon.csv', '.con', 'a con.md', 'exports', '.backups']) {
      expect(isPortableFileName(name), name).toBe(true);
    }
  });
});
