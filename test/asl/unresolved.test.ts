import { describe, expect, it } from 'vitest';
import { hasPlaceholder, isUnresolved, isWholePlaceholder, placeholderEnd } from '../../src/asl/unresolved.js';

describe('placeholders', () => {
  it.each([
    ['${Name}', 7],
    ['${self:custom.retries.${sls:stage}}', 35],
    ['${jsonencode({ a = "}" })}', 26],
    ['#{AWS::AccountId}', 17],
    ['{{resolve:ssm:/app/limit:3}}', 28],
  ])('finds where %s ends', (text, end) => {
    expect(placeholderEnd(`${text} rest`, 0)).toBe(end);
  });

  it('refuses what is not a placeholder or never closes on its line', () => {
    expect(placeholderEnd('$.path', 0)).toBe(-1);
    expect(placeholderEnd('${Name', 0)).toBe(-1);
    expect(placeholderEnd('${Name\n}', 0)).toBe(-1);
    expect(placeholderEnd('{{resolve:ssm:x}', 0)).toBe(-1);
    expect(placeholderEnd('{"a": 1}', 0)).toBe(-1);
  });

  it('tells a whole placeholder (any JSON value after substitution) from one inside a longer string', () => {
    expect(isWholePlaceholder('${Workers}')).toBe(true);
    expect(isWholePlaceholder('#{Delay}')).toBe(true);
    expect(isWholePlaceholder('${a}-${b}')).toBe(false);
    expect(hasPlaceholder('arn:aws:lambda:#{AWS::Region}:#{AWS::AccountId}:function:f')).toBe(true);
    expect(hasPlaceholder('arn:aws:lambda:us-east-1:123456789012:function:f')).toBe(false);
    expect(hasPlaceholder('States.Format(\'{}\', $.x)')).toBe(false);
    expect(isUnresolved({ 'Fn::GetAtt': ['F', 'Arn'] })).toBe(true);
    expect(isUnresolved(30)).toBe(false);
  });
});
