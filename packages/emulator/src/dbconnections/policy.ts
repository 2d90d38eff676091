/** Auth0's "fair" password policy (a new tenant's default): one rule the password fails, or none. */
export interface PolicyRule {
  message: string;
  verified: boolean;
}

const CLASSES: [string, RegExp][] = [
  ['lower case letters (a-z)', /[a-z]/],
  ['upper case letters (A-Z)', /[A-Z]/],
  ['numbers (i.e. 0-9)', /[0-9]/],
  ['special characters (e.g. !@#$%^&*)', /[^A-Za-z0-9]/],
];

/** The policy's rules as Auth0 lists them, each with whether `password` meets it. */
export function checkPassword(password: string): { ok: boolean; rules: PolicyRule[] } {
  const classes = CLASSES.filter(([, pattern]) => pattern.test(password)).length;
  const rules = [
    { message: 'At least 8 characters in length', verified: password.length >= 8 },
    {
      message: `Contain at least 3 of the following 4 types of characters: ${CLASSES.map(([name]) => name).join(', ')}`,
      verified: classes >= 3,
    },
  ];
  return { ok: rules.every((rule) => rule.verified), rules };
}

/** Auth0's 400 answer for a password the policy refuses. */
export function passwordTooWeak(rules: PolicyRule[]) {
  return {
    name: 'PasswordStrengthError',
    message: 'Password is too weak',
    code: 'invalid_password',
    description: { rules, verified: false },
    policy: rules.map((rule) => `* ${rule.message}`).join('\n'),
    statusCode: 400,
  };
}
