"""reviewer/train"""
