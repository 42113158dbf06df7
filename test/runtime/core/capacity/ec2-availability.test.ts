import { Ec2Availability } from '../../../../src/runtime/core/capacity/ec2-availability';

describe('Ec2Availability', () => {
  test('SCHED-6: a type is unlimited unless configured', () => {
    const availability = new Ec2Availability();
    for (let i = 0; i < 1000; i++) availability.launched('c5.large');
    expect(availability.canLaunch('c5.large')).toBe(true);
  });

  test('SCHED-6: a configured type runs out at its limit and comes back when an instance ends', () => {
    // GIVEN EC2 can provide two c5.large
    const availability = new Ec2Availability([{ instanceType: 'c5.large', maxInstances: 2 }]);

    // WHEN two are launched, THEN there is no third; WHEN one ends, THEN there is
    availability.launched('c5.large');
    availability.launched('c5.large');
    expect(availability.canLaunch('c5.large')).toBe(false);
    availability.terminated('c5.large');
    expect(availability.canLaunch('c5.large')).toBe(true);
  });

  test('SCHED-6: a limit that is not an integer >= 0 is rejected, naming it', () => {
    expect(() => new Ec2Availability([{ instanceType: 'c5.large', maxInstances: -1 }])).toThrow('instanceTypeAvailability: maxInstances -1 of c5.large is invalid: an integer >= 0');
  });
});
