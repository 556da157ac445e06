import { describe, expect, it } from 'vitest';
import { roleUnitProblem } from './users.service';

describe('roleUnitProblem', () => {
  it('lets an admin have no unit', () => {
    expect(roleUnitProblem('admin', null)).toBeNull();
  });

  it('ties police and officials to the level they serve', () => {
    expect(roleUnitProblem('provincial_police', 'province')).toBeNull();
    expect(roleUnitProblem('provincial_police', 'commune')).toBe(
      'the provincial_police role must belong to a province, not a ward or commune',
    );
    expect(roleUnitProblem('ward_police', 'commune')).toBeNull();
    expect(roleUnitProblem('ward_police', 'residential_group')).toMatch(
      /must belong to a ward or commune/,
    );
    expect(roleUnitProblem('ward_official', 'residential_group')).toBeNull();
    expect(roleUnitProblem('ward_official', 'district')).toMatch(
      /ward or commune or a residential group/,
    );
  });

  it('lets owners and auditors belong to any unit, but not to none', () => {
    for (const level of ['province', 'district', 'commune', 'residential_group'] as const) {
      expect(roleUnitProblem('camera_owner', level)).toBeNull();
      expect(roleUnitProblem('auditor', level)).toBeNull();
    }
    expect(roleUnitProblem('auditor', null)).toBe('the auditor role needs a unit');
  });
});
